using System.Text;
using Mirt.Host.Web;

namespace Mirt.Host.Tests.Web;

public sealed class ManyChatRequestParserTests
{
    [Theory]
    [InlineData("not json 0671234567", "not valid JSON (line 1, byte 2)")]
    [InlineData("", "not valid JSON")]
    [InlineData("{\"subscriber_id\":\"1\",\"last_input_text\":\"hi\"} trailing", "not valid JSON")]
    [InlineData("{\"subscriber_id\":\"1\",\"last_input_text\":\"hi\" /* c */}", "not valid JSON")]
    [InlineData("[1,2]", "JSON object")]
    [InlineData("\"text\"", "JSON object")]
    [InlineData("{\"last_input_text\":\"hi\"}", "subscriber_id is missing")]
    [InlineData("{\"subscriber_id\":\"{{contact.id}}\",\"last_input_text\":\"hi\"}", "subscriber_id is missing")]
    [InlineData("{\"subscriber_id\":\"  \",\"last_input_text\":\"hi\"}", "subscriber_id is missing")]
    [InlineData("{\"subscriber_id\":true,\"last_input_text\":\"hi\"}", "subscriber_id must be a string or a whole number")]
    [InlineData("{\"subscriber_id\":1.5,\"last_input_text\":\"hi\"}", "subscriber_id must be a string or a whole number")]
    [InlineData("{\"subscriber_id\":-7,\"last_input_text\":\"hi\"}", "subscriber_id must be a string or a whole number")]
    [InlineData("{\"subscriber_id\":[1],\"last_input_text\":\"hi\"}", "subscriber_id must be a string or a whole number of at least 0, not array")]
    [InlineData("{\"subscriber_id\":\"a\\u0000b\",\"last_input_text\":\"hi\"}", "subscriber_id contains control characters")]
    [InlineData("{\"subscriber_id\":\"a\\u001bb\",\"last_input_text\":\"hi\"}", "subscriber_id contains control characters")]
    [InlineData("{\"subscriber_id\":\"1; DROP TABLE x\",\"last_input_text\":\"hi\"}", "subscriber_id may hold only")]
    [InlineData("{\"subscriber_id\":\"../../etc\",\"last_input_text\":\"hi\"}", "subscriber_id may hold only")]
    [InlineData("{\"subscriber_id\":\"1\",\"last_input_text\":\"{{last_input_text}}\"}", "no message")]
    [InlineData("{\"subscriber_id\":\"1\",\"last_input_text\":\"\"}", "no message")]
    [InlineData("{\"subscriber_id\":\"1\",\"last_input_text\":\"\\u0001\\u0002\"}", "no message")]
    [InlineData("{\"subscriber_id\":\"1\",\"last_input_text\":42}", "last_input_text must be a string")]
    [InlineData("{\"subscriber_id\":\"1\",\"last_input_text\":{\"a\":1}}", "last_input_text must be a string, not object")]
    [InlineData("{\"subscriber_id\":\"1\",\"last_input_text\":\"x\\ud800y\"}", "last_input_text is not valid Unicode")]
    [InlineData("{\"subscriber_id\":\"1\",\"last_input_text\":\"hi\",\"first_name\":7}", "first_name must be a string")]
    [InlineData("{\"subscriber_id\":\"1\",\"last_input_text\":\"hi\",\"subscriber_id\":\"2\"}", "repeats a property name")]
    [InlineData("{\"subscriber_id\":\"1\",\"last_input_text\":\"hi\",\"custom\":{\"a\":1,\"a\":2}}", "repeats a property name")]
    [InlineData("{\"subscriber_id\":\"1\",\"last_input_text\":\"hi\",\"image_url\":\"http://lookaside.fbsbx.com/p.jpg\"}", "image_url must be an absolute https URL")]
    [InlineData("{\"subscriber_id\":\"1\",\"last_input_text\":\"hi\",\"image_url\":\"/relative/p.jpg\"}", "image_url must be an absolute https URL")]
    [InlineData("{\"subscriber_id\":\"1\",\"last_input_text\":\"hi\",\"image_url\":\"file:///etc/passwd\"}", "image_url must be an absolute https URL")]
    [InlineData("{\"subscriber_id\":\"1\",\"last_input_text\":\"hi\",\"image_url\":\"https://user:pw@lookaside.fbsbx.com/p.jpg\"}", "image_url must be an absolute https URL")]
    [InlineData("{\"subscriber_id\":\"1\",\"last_input_text\":\"hi\",\"image_url\":\"https://exa mple.com/p.jpg\"}", "image_url must be an absolute https URL")]
    [InlineData("{\"subscriber_id\":\"1\",\"last_input_text\":\"hi\",\"image_url\":[\"https://a.b/c\"]}", "image_url must be a string")]
    public void TryParse_MalformedBody_IsRefusedWithReason(string body, string reason)
    {
        var ok = ManyChatRequestParser.TryParse(Encoding.UTF8.GetBytes(body), out var request, out var error);

        ok.Should().BeFalse();
        request.Should().BeNull();
        error.Should().Contain(reason);
    }

    [Fact]
    public void TryParse_InvalidJson_DoesNotQuoteTheBody()
    {
        ManyChatRequestParser.TryParse(Encoding.UTF8.GetBytes("call me 0671234567"), out _, out var error).Should().BeFalse();

        error.Should().NotContain("0671234567").And.NotContain("call");
    }

    [Fact]
    public void TryParse_InvalidUtf8InsideAString_IsRefused()
    {
        byte[] body = [.. "{\"subscriber_id\":\"1\",\"last_input_text\":\"x"u8, 0xC3, 0x28, .. "\"}"u8];

        ManyChatRequestParser.TryParse(body, out _, out var error).Should().BeFalse();

        error.Should().Contain("not valid UTF-8");
    }

    [Fact]
    public void TryParse_NestedTooDeep_IsRefusedWithTheLimit()
    {
        var body = "{\"subscriber_id\":\"1\",\"last_input_text\":\"hi\",\"x\":" + new string('[', 5000) + new string(']', 5000) + "}";

        ManyChatRequestParser.TryParse(Encoding.UTF8.GetBytes(body), out _, out var error).Should().BeFalse();

        error.Should().Contain($"deeper than {ManyChatRequestParser.MaxDepth} levels");
    }

    [Theory]
    [InlineData("subscriber_id", ManyChatRequestParser.MaxIdLength)]
    [InlineData("last_input_text", ManyChatRequestParser.MaxTextLength)]
    [InlineData("first_name", ManyChatRequestParser.MaxNameLength)]
    [InlineData("ig_username", ManyChatRequestParser.MaxNameLength)]
    public void TryParse_ValueAtItsCap_IsAcceptedAndOneMoreIsRefused(string field, int cap)
    {
        ManyChatRequestParser.TryParse(Body(field, new string('7', cap)), out var request, out _).Should().BeTrue();
        request.Should().NotBeNull();

        ManyChatRequestParser.TryParse(Body(field, new string('7', cap + 1)), out _, out var error).Should().BeFalse();
        error.Should().Contain(field).And.Contain("longer than");
    }

    [Fact]
    public void TryParse_ImageUrlTooLong_IsRefused()
    {
        var url = "https://lookaside.fbsbx.com/p?x=" + new string('a', ManyChatRequestParser.MaxUrlLength);

        ManyChatRequestParser.TryParse(Body("image_url", url), out _, out var error).Should().BeFalse();

        error.Should().Contain("image_url");
    }

    [Fact]
    public void TryParse_ValidBody_ReadsEveryFieldAndIgnoresCustomFields()
    {
        var body = "\uFEFF{\"subscriber_id\":1234567890,\"last_input_text\":\"  Привіт\\u0007\\nє сукні?  \",\"first_name\":\"Марія\\tІ.\","
            + "\"ig_username\":\"{{ig_username}}\",\"image_url\":\"https://10.0.0.1/p.jpg\",\"custom\":{\"deep\":[1,{\"x\":null}]}}";

        ManyChatRequestParser.TryParse(Encoding.UTF8.GetBytes(body), out var request, out var error).Should().BeTrue(error);

        // A private address is well-formed: refusing it is the media fetcher's job (its host allow-list).
        request.Should().Be(new ManyChatRequest("1234567890", "Привіт\nє сукні?", "https://10.0.0.1/p.jpg", "Марія І.", null));
    }

    [Theory]
    [InlineData("https://lookaside.fbsbx.com/ig_messaging_cdn/?asset_id=1", true)]
    [InlineData("https://scontent.xx.fbcdn.net/v/t1.jpg", true)]
    [InlineData("http://lookaside.fbsbx.com/ig_messaging_cdn/?asset_id=1", false)]
    [InlineData("https://example.com/photo.jpg", false)]
    [InlineData("look https://lookaside.fbsbx.com/x", false)]
    public void TryParse_MediaUrlAsText_BecomesTheImageOnlyWhenHttpsOnAMediaHost(string text, bool isImage)
    {
        ManyChatRequestParser.TryParse(Body("last_input_text", text), out var request, out _).Should().BeTrue();

        request!.ImageUrl.Should().Be(isImage ? text : null);
        request.Text.Should().Be(isImage ? string.Empty : text);
    }

    private static byte[] Body(string field, string value)
    {
        var fields = new Dictionary<string, string> { ["subscriber_id"] = "sub-1", ["last_input_text"] = "hi", [field] = value };
        return System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(fields);
    }
}
