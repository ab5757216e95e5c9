using Mirt.Host.Web;

namespace Mirt.Host.Tests.Web;

public sealed class PiiMaskerTests
{
    [Theory]
    [InlineData("call 067 123 45 67 today", "call [phone] today")]
    [InlineData("+380 (67) 123-45-67", "[phone]")]
    [InlineData("0671234567", "[phone]")]
    [InlineData("067.123.45.67", "[phone]")]
    [InlineData("card 4111 1111 1111 1111.", "card [card].")]
    [InlineData("4111-1111-1111-1111", "[card]")]
    [InlineData("5375414112345678", "[card]")]
    [InlineData("mail maria.k+shop@example.com.ua now", "mail [email] now")]
    public void Mask_PersonalNumbers_AreReplaced(string text, string masked) =>
        PiiMasker.Mask(text).Should().Be(masked);

    [Theory]
    [InlineData("webhook rejected status=400 reason=subscriber_id is longer than 64 characters")]
    [InlineData("The body is not valid JSON (line 1, byte 2048)")]
    [InlineData("turn thread=web-1 latency_ms=12.5 order 12345")]
    [InlineData("at Mirt.Sales.Assistant.SalesAssistant.HandleAsync() in SalesAssistant.cs:line 120")]
    public void Mask_OrdinaryLogText_IsLeftAlone(string text) =>
        PiiMasker.Mask(text).Should().Be(text);
}
