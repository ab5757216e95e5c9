using Microsoft.Extensions.Configuration;
using Mirt.Host.Media;

namespace Mirt.Host.Tests.Media;

public sealed class MediaSettingsTests
{
    [Fact]
    public void From_NothingSet_KeepsTheDefaults()
    {
        var options = MediaSettings.From(Configuration([]));

        options.AllowedHosts.Should().Equal("lookaside.fbsbx.com", "*.fbcdn.net", "*.cdninstagram.com");
        options.MaxBytes.Should().Be(5 * 1024 * 1024);
        options.Timeout.Should().Be(TimeSpan.FromSeconds(3));
    }

    [Fact]
    public void From_ValuesSet_ReadsThem()
    {
        var options = MediaSettings.From(Configuration(new()
        {
            ["MIRT_MEDIA_HOSTS"] = " media.example.com , *.cdn.example.com ",
            ["MIRT_MEDIA_MAX_BYTES"] = "1048576",
            ["MIRT_MEDIA_TIMEOUT_MS"] = "2500",
        }));

        options.AllowedHosts.Should().Equal("media.example.com", "*.cdn.example.com");
        options.MaxBytes.Should().Be(1_048_576);
        options.Timeout.Should().Be(TimeSpan.FromMilliseconds(2500));
    }

    [Theory]
    [InlineData("MIRT_MEDIA_MAX_BYTES", "5MB")]
    [InlineData("MIRT_MEDIA_TIMEOUT_MS", "0")]
    [InlineData("MIRT_MEDIA_TIMEOUT_MS", "-1")]
    public void From_Malformed_ThrowsNamingTheSetting(string key, string value)
    {
        var read = () => MediaSettings.From(Configuration(new() { [key] = value }));

        read.Should().Throw<InvalidOperationException>().WithMessage($"{key}*");
    }

    private static IConfiguration Configuration(Dictionary<string, string?> values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values).Build();
}
