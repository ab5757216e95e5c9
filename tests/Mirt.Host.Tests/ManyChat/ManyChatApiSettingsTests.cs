using Microsoft.Extensions.Configuration;
using Mirt.Host.ManyChat;

namespace Mirt.Host.Tests.ManyChat;

public sealed class ManyChatApiSettingsTests
{
    private static IConfiguration Config(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => KeyValuePair.Create(v.Key, (string?)v.Value))).Build();

    [Fact]
    public void From_NoKey_IsNullSoPushModeIsOff()
    {
        ManyChatApiSettings.From(Config()).Should().BeNull();
    }

    [Fact]
    public void From_KeyOnly_KeepsTheDocumentedDefaults()
    {
        var options = ManyChatApiSettings.From(Config(("MIRT_MANYCHAT_API_KEY", "123:abc")))!;

        options.ApiKey.Should().Be("123:abc");
        options.ApiUrl.Should().Be(new Uri("https://api.manychat.com"));
        options.Timeout.Should().Be(TimeSpan.FromSeconds(5));
        options.SendContentPerSecond.Should().Be(25);
        options.TagFieldPerSecond.Should().Be(10);
    }

    [Fact]
    public void From_EverySetting_IsRead()
    {
        var options = ManyChatApiSettings.From(Config(
            ("MIRT_MANYCHAT_API_KEY", "123:abc"),
            ("MIRT_MANYCHAT_API_URL", "http://127.0.0.1:9000"),
            ("MIRT_MANYCHAT_API_TIMEOUT_MS", "2500"),
            ("MIRT_MANYCHAT_API_SEND_PER_SECOND", "12"),
            ("MIRT_MANYCHAT_API_TAGS_PER_SECOND", "5")))!;

        options.ApiUrl.Should().Be(new Uri("http://127.0.0.1:9000"));
        options.Timeout.Should().Be(TimeSpan.FromMilliseconds(2500));
        options.SendContentPerSecond.Should().Be(12);
        options.TagFieldPerSecond.Should().Be(5);
    }

    [Theory]
    [InlineData("MIRT_MANYCHAT_API_TIMEOUT_MS", "5s")]
    [InlineData("MIRT_MANYCHAT_API_SEND_PER_SECOND", "0")]
    [InlineData("MIRT_MANYCHAT_API_URL", "api.manychat.com")]
    public void From_MalformedSetting_ThrowsNamingIt(string key, string value)
    {
        var read = () => ManyChatApiSettings.From(Config(("MIRT_MANYCHAT_API_KEY", "123:abc"), (key, value)));

        read.Should().Throw<InvalidOperationException>().WithMessage($"*{key}*");
    }

    [Theory]
    [InlineData("", "https://api.manychat.com")]
    [InlineData("123:a b", "https://api.manychat.com")]
    [InlineData("123:abc", "http://api.manychat.com")]
    [InlineData("123:abc", "http://10.0.0.5")]
    public void Constructor_UnsafeKeyOrAddress_Throws(string key, string url)
    {
        var create = () => new ManyChatClient(new ManyChatClientOptions { ApiKey = key, ApiUrl = new Uri(url) });

        create.Should().Throw<ArgumentException>().Which.Message.Should().NotContain("abc");
    }
}
