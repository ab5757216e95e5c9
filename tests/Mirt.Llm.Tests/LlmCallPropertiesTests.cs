using Microsoft.Extensions.AI;

namespace Mirt.Llm.Tests;

public sealed class LlmCallPropertiesTests
{
    [Fact]
    public void SetLabels_ThenRead_ReturnsThem()
    {
        var options = LlmCallProperties.SetLabels(new ChatOptions(), "STATE_4_OFFER", "PHOTO_IDENT");

        LlmCallProperties.StateOf(options).Should().Be("STATE_4_OFFER");
        LlmCallProperties.IntentOf(options).Should().Be("PHOTO_IDENT");
        options.AdditionalProperties!["mirt.state"].Should().Be("STATE_4_OFFER");
    }

    [Fact]
    public void StateOfIntentOf_NothingSet_ReturnUnknown()
    {
        LlmCallProperties.StateOf(null).Should().Be("unknown");
        LlmCallProperties.IntentOf(new ChatOptions { AdditionalProperties = new() { ["mirt.intent"] = " " } }).Should().Be("unknown");
    }

    [Fact]
    public void DeadlineOf_IntLongOrText_AreRead()
    {
        LlmCallProperties.DeadlineOf(LlmCallProperties.SetDeadline(new ChatOptions(), 30_000)).Should().Be(30_000);
        LlmCallProperties.DeadlineOf(new ChatOptions { AdditionalProperties = new() { ["mirt.deadline_ms"] = 2500L } }).Should().Be(2500);
        LlmCallProperties.DeadlineOf(new ChatOptions { AdditionalProperties = new() { ["mirt.deadline_ms"] = "1500" } }).Should().Be(1500);
        LlmCallProperties.DeadlineOf(new ChatOptions { AdditionalProperties = new() { ["mirt.deadline_ms"] = "soon" } }).Should().BeNull();
        LlmCallProperties.DeadlineOf(null).Should().BeNull();
    }

    [Fact]
    public void SetDeadline_OutOfRange_Throws()
    {
        var set = () => LlmCallProperties.SetDeadline(new ChatOptions(), 5);

        set.Should().Throw<ArgumentOutOfRangeException>();
    }
}
