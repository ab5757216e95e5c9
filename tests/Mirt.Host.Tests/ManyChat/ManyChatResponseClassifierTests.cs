using System.Text;
using Mirt.Host.ManyChat;
using Mirt.Host.Web;

namespace Mirt.Host.Tests.ManyChat;

public sealed class ManyChatResponseClassifierTests
{
    [Theory]
    [InlineData(200, """{"status":"success"}""", ManyChatOutcome.Sent)]
    [InlineData(200, "", ManyChatOutcome.Sent)]
    [InlineData(200, "<html>ok</html>", ManyChatOutcome.Sent)]
    [InlineData(200, """{"status":"error","message":"Subscriber does not exist"}""", ManyChatOutcome.Rejected)]
    [InlineData(400, """{"status":"error","message":"Outside","code":3011}""", ManyChatOutcome.OutsideWindow)]
    [InlineData(400, """{"status":"error","message":"Outside","code":"3011"}""", ManyChatOutcome.OutsideWindow)]
    [InlineData(400, """{"status":"error","message":"Message is outside of the 24 hour window"}""", ManyChatOutcome.OutsideWindow)]
    [InlineData(400, """{"status":"error","message":"Refused","code":3040}""", ManyChatOutcome.ChannelRefused)]
    [InlineData(400, """{"status":"error","message":"Refused","code":3049}""", ManyChatOutcome.ChannelRefused)]
    [InlineData(400, """{"status":"error","message":"Refused","code":3050}""", ManyChatOutcome.Rejected)]
    [InlineData(400, """{"status":"error","message":"Too many requests"}""", ManyChatOutcome.RateLimited)]
    [InlineData(400, """{"status":"error","message":"API rate limit reached"}""", ManyChatOutcome.RateLimited)]
    [InlineData(400, """{"status":"error","message":"Text length limit exceeded"}""", ManyChatOutcome.Rejected)]
    [InlineData(400, "not json", ManyChatOutcome.Rejected)]
    [InlineData(404, """{"status":"error","message":"Not found"}""", ManyChatOutcome.Rejected)]
    [InlineData(401, """{"status":"error","message":"Unauthorized"}""", ManyChatOutcome.Unauthorized)]
    [InlineData(403, "", ManyChatOutcome.Unauthorized)]
    [InlineData(429, "", ManyChatOutcome.RateLimited)]
    [InlineData(408, "", ManyChatOutcome.Transient)]
    [InlineData(500, """{"status":"exception","message":"Something went wrong"}""", ManyChatOutcome.Transient)]
    [InlineData(503, "<html>busy</html>", ManyChatOutcome.Transient)]
    public void Classify_Answer_GivesTheDocumentedOutcome(int status, string body, ManyChatOutcome expected)
    {
        var result = ManyChatResponseClassifier.Classify(status, Encoding.UTF8.GetBytes(body));

        result.Outcome.Should().Be(expected);
        result.HttpStatus.Should().Be(status);
        result.IsSuccess.Should().Be(expected == ManyChatOutcome.Sent);
        result.IsRetryable.Should().Be(expected is ManyChatOutcome.RateLimited or ManyChatOutcome.Transient);
    }

    [Fact]
    public void Classify_ErrorWithMessage_KeepsManyChatsMessageAndCode()
    {
        var result = ManyChatResponseClassifier.Classify(400, """{"status":"error","message":"Tag not found","code":2011}"""u8);

        result.Error.Should().Be("Tag not found");
        result.Code.Should().Be(2011);
    }

    [Theory]
    [InlineData(ManyChatOutcome.ChannelRefused, "anything", true, true)]
    [InlineData(ManyChatOutcome.Rejected, "Actions are not supported for Instagram", true, true)]
    [InlineData(ManyChatOutcome.Rejected, "quick_replies: not allowed", true, true)]
    [InlineData(ManyChatOutcome.Rejected, "Subscriber does not exist", true, false)]
    [InlineData(ManyChatOutcome.OutsideWindow, "action outside window", true, false)]
    [InlineData(ManyChatOutcome.Transient, "action", true, false)]
    [InlineData(ManyChatOutcome.ChannelRefused, "anything", false, false)]
    public void ExtrasRejection_Answer_ResendsWithoutExtrasOnlyWhenTheyCanBeTheCause(ManyChatOutcome outcome, string error, bool hasExtras, bool expected)
    {
        var content = new DynamicBlockContent("instagram", [new DynamicBlockMessage("text", "Привіт")],
            Actions: hasExtras ? [DynamicBlockAction.AddTag("needs_human")] : null);

        ManyChatExtrasRejection.Applies(content, new ManyChatResult(outcome, Error: error)).Should().Be(expected);
    }
}
