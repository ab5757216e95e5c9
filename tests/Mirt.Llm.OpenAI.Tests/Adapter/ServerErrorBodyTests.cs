using Mirt.Llm.OpenAI.Errors;

namespace Mirt.Llm.OpenAI.Tests.Adapter;

public sealed class ServerErrorBodyTests
{
    [Theory]
    [InlineData("""{"error":{"message":"Bad key.","type":"invalid_request_error","code":"invalid_api_key"}}""", "Bad key.", "invalid_api_key")]
    [InlineData("""{"error":{"code":400,"message":"Too long.","type":"exceed_context_size_error"}}""", "Too long.", "exceed_context_size_error")]
    [InlineData("""{"error":{"message":"No code."}}""", "No code.", null)]
    [InlineData("""{"error":"Plain error string."}""", "Plain error string.", null)]
    [InlineData("""{"message":"Top-level message."}""", "Top-level message.", null)]
    [InlineData("""{"detail":"Something else."}""", null, null)]
    [InlineData("""["not","an","object"]""", null, null)]
    [InlineData("<html>Bad gateway</html>", null, null)]
    [InlineData("", null, null)]
    [InlineData("""{"error":{"message":"   "}}""", null, null)]
    public void Parse_Body_ReadsMessageAndCode(string body, string? message, string? code)
    {
        var parsed = ServerErrorBody.Parse(BinaryData.FromString(body));

        parsed.Message.Should().Be(message);
        parsed.Code.Should().Be(code);
    }

    [Fact]
    public void Parse_NoBody_ReturnsNothing() => ServerErrorBody.Parse(null).Should().Be(default(ServerErrorBody));

    [Fact]
    public void Parse_HugeMessage_KeepsTheFirstFiveHundredCharacters()
    {
        var huge = new string('x', 5000);

        var parsed = ServerErrorBody.Parse(BinaryData.FromString($$$"""{"error":{"message":"{{{huge}}}"}}"""));

        parsed.Message.Should().HaveLength(ServerErrorBody.MaxMessageLength + 1).And.EndWith("…");
    }
}
