using Microsoft.Extensions.Configuration;
using Mirt.Host.Settings;

namespace Mirt.Host.Tests;

public sealed class CanarySettingsTests
{
    [Fact]
    public void From_Nothing_IsOffAndGivesNoOptions()
    {
        var settings = CanarySettings.From(Configuration([]));

        settings.Should().BeEquivalentTo(CanarySettings.Off);
        settings.ToOptions().Should().BeNull();
    }

    [Fact]
    public void From_AllSettings_ReadsThem()
    {
        var settings = CanarySettings.From(Configuration(new()
        {
            ["MIRT_CANARY_PERCENT"] = "2.5",
            ["MIRT_CANARY_ALLOW"] = " tester-1, ,tester-2 ",
            ["MIRT_CANARY_PROMPTS_DIR"] = "/srv/prompts-canary",
            ["MIRT_CANARY_FAULT_DELAY_MS"] = "800",
        }));

        var options = settings.ToOptions()!;
        options.Percent.Should().Be(2.5);
        options.AllowList.Should().Equal("tester-1", "tester-2");
        options.PromptsDirectory.Should().Be("/srv/prompts-canary");
        options.FaultDelay.Should().Be(TimeSpan.FromMilliseconds(800));
    }

    [Fact]
    public void From_AllowListOnly_EnablesTheCanary() =>
        CanarySettings.From(Configuration(new() { ["MIRT_CANARY_ALLOW"] = "tester" })).ToOptions()!.Percent.Should().Be(0);

    [Theory]
    [InlineData("MIRT_CANARY_PERCENT", "five")]
    [InlineData("MIRT_CANARY_PERCENT", "-1")]
    [InlineData("MIRT_CANARY_PERCENT", "101")]
    [InlineData("MIRT_CANARY_PERCENT", "5,5")]
    [InlineData("MIRT_CANARY_FAULT_DELAY_MS", "-5")]
    [InlineData("MIRT_CANARY_FAULT_DELAY_MS", "1.5")]
    public void From_Malformed_ThrowsNamingTheSetting(string key, string value)
    {
        var act = () => CanarySettings.From(Configuration(new() { [key] = value }));

        act.Should().Throw<InvalidOperationException>().Which.Message.Should().StartWith($"{key} is '{value}'");
    }

    private static IConfiguration Configuration(Dictionary<string, string?> values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values).Build();
}
