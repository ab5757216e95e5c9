using Microsoft.Extensions.Configuration;
using Mirt.Host.Delivery;

namespace Mirt.Host.Tests.Delivery;

/// <summary>A photo gets its own model budget, sized by whether a late reply can still be pushed (issue 5).</summary>
public sealed class VisionBudgetTests
{
    [Fact]
    public void DeadlineKey_IsTheWireNameTheLlmPipelineReads() =>
        Mirt.Nodes.Abstractions.Flow.ChatOptionKeys.DeadlineMs.Should().Be(Mirt.Llm.LlmCallProperties.DeadlineMs);

    [Theory]
    [InlineData(null, true, 25_000)]
    [InlineData(null, false, 5_000)]
    [InlineData("response", true, 5_000)]
    [InlineData("push", true, 25_000)]
    public void VisionBudget_Unset_FollowsWhetherTheReplyCanBePushed(string? mode, bool canPush, int expectedMs)
    {
        var settings = DeliverySettings.From(Configuration(("MIRT_REPLY_MODE", mode)));

        settings.VisionBudget(canPush).Should().Be(TimeSpan.FromMilliseconds(expectedMs));
    }

    [Fact]
    public void VisionBudget_Set_WinsWhateverTheMode()
    {
        var settings = DeliverySettings.From(Configuration(("MIRT_VISION_DEADLINE_MS", "12000")));

        settings.VisionBudget(canPush: false).Should().Be(TimeSpan.FromSeconds(12));
        settings.VisionBudget(canPush: true).Should().Be(TimeSpan.FromSeconds(12));
    }

    [Fact]
    public void VisionBudget_Malformed_NamesTheVariable()
    {
        var read = () => DeliverySettings.From(Configuration(("MIRT_VISION_DEADLINE_MS", "soon")));

        read.Should().Throw<InvalidOperationException>().WithMessage("*MIRT_VISION_DEADLINE_MS*");
    }

    private static IConfiguration Configuration(params (string Key, string? Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Where(v => v.Value is not null).Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();
}
