using Mirt.Llm.Diagnostics;

namespace Mirt.Llm.Tests.Diagnostics;

public sealed class LogTextMaskerTests
{
    [Theory]
    // positive: phones in the shapes customers type, cards, URLs
    [InlineData("мій номер +380 67 123 45 67", "мій номер +*** ** *** ** 67")]
    [InlineData("0671234567", "********67")]
    [InlineData("(067) 123-45-67, дякую", "(***) ***-**-67, дякую")]
    [InlineData("380671234567", "**********67")]
    [InlineData("картка 4149 4999 1234 5678", "картка **** **** **** **78")]
    [InlineData("фото https://scontent.cdninstagram.com/v/t51/123.jpg?x=1 ось", "фото [url] ось")]
    [InlineData("www.example.com/a", "[url]")]
    // negative: short numbers stay readable
    [InlineData("зріст 110, розмір 116", "зріст 110, розмір 116")]
    [InlineData("ціна 1 250 грн", "ціна 1 250 грн")]
    [InlineData("2 шт", "2 шт")]
    [InlineData("без цифр", "без цифр")]
    [InlineData("", "")]
    public void Mask_Example_MatchesTable(string text, string expected) =>
        LogTextMasker.Mask(text).Should().Be(expected);

    [Fact]
    public void Mask_Null_ReturnsEmpty() => LogTextMasker.Mask(null).Should().BeEmpty();

    [Fact]
    public void Mask_NumbersOnSeparateLines_AreNotJoinedIntoOneRun() =>
        LogTextMasker.Mask("110\n116\n122").Should().Be("110\n116\n122");
}
