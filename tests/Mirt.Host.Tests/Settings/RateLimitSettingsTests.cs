using Microsoft.Extensions.Configuration;
using Mirt.Host.Settings;

namespace Mirt.Host.Tests.Settings;

public sealed class RateLimitSettingsTests
{
    [Fact]
    public void From_NothingSet_Is20PerMinutePerSubscriberAnd100PerSecondInAll()
    {
        var settings = RateLimitSettings.From(Configuration([]));

        settings.PerSubscriber.Should().Be(new RequestRate(20, TimeSpan.FromMinutes(1)));
        settings.Global.Should().Be(new RequestRate(100, TimeSpan.FromSeconds(1)));
    }

    [Fact]
    public void From_ValuesSet_ReadsThemAndOffTurnsALimitOff()
    {
        var settings = RateLimitSettings.From(Configuration(new() { ["MIRT_RATE_PER_SUBSCRIBER"] = " 5/h ", ["MIRT_RATE_GLOBAL"] = "OFF" }));

        settings.PerSubscriber.Should().Be(new RequestRate(5, TimeSpan.FromHours(1)));
        settings.Global.Should().BeNull();
    }

    [Theory]
    [InlineData("20")]
    [InlineData("0/min")]
    [InlineData("-1/s")]
    [InlineData("20/day")]
    [InlineData("x/s")]
    public void From_MalformedRate_ThrowsNamingTheSettingAndAnExample(string value)
    {
        var read = () => RateLimitSettings.From(Configuration(new() { ["MIRT_RATE_GLOBAL"] = value }));

        read.Should().Throw<InvalidOperationException>().WithMessage("*MIRT_RATE_GLOBAL*20/min*");
    }

    [Theory]
    [InlineData("20/min", "20/min")]
    [InlineData("100/sec", "100/s")]
    [InlineData("3/hour", "3/h")]
    public void ToString_WritesTheRateAsSettingsTakeIt(string text, string written) =>
        RequestRate.Parse(text, "KEY").ToString().Should().Be(written);

    private static IConfiguration Configuration(Dictionary<string, string?> values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values).Build();
}
