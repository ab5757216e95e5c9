using Mirt.Rules.Text;

namespace Mirt.Rules.Tests.Text;

public sealed class KeywordPatternTests
{
    [Theory]
    [InlineData("так", "так")]
    [InlineData("так", "ТАК")]
    [InlineData("доставк*", "доставкою")]
    [InlineData("нов* пошт*", "новою поштою")]
    [InlineData("зріст #", "зріст 118")]
    [InlineData("# см", "120 см")]
    [InlineData("квитанція", "квитанцыя")]
    [InlineData("квитанція", "квитанця")]
    [InlineData("квитанція", "квиттанція")]
    [InlineData("квитанція", "квитнація")]
    [InlineData("переказ*", "перекзала")]
    [InlineData("мятний", "м'ятний")]
    [InlineData("черн*", "чёрный")]
    [InlineData("=скрин*", "скриншот")]
    public void MatchesAt_MatchingWords_ReturnsTrue(string pattern, string text)
    {
        KeywordPattern.Parse(pattern).MatchesAt(TokenizedText.From(text).Tokens, 0).Should().BeTrue();
    }

    [Theory]
    [InlineData("так", "також")]
    [InlineData("так", "та")]
    [InlineData("ще", "щеня")]
    [InlineData("ні", "ніж")]
    [InlineData("так", "тек")]
    [InlineData("нов* пошт*", "нова")]
    [InlineData("нов* пошт*", "пошта нова")]
    [InlineData("зріст #", "зріст великий")]
    [InlineData("#", "сто")]
    [InlineData("доставк*", "достатньо")]
    [InlineData("квитанція", "квитанцією")]
    [InlineData("=почти", "почта")]
    [InlineData("=скрин*", "скиньте")]
    public void MatchesAt_OtherWords_ReturnsFalse(string pattern, string text)
    {
        KeywordPattern.Parse(pattern).MatchesAt(TokenizedText.From(text).Tokens, 0).Should().BeFalse();
    }

    [Fact]
    public void MatchesAt_StemWithoutExactMarker_ToleratesTypoInPrefix()
    {
        var tokens = TokenizedText.From("скиньте").Tokens;

        KeywordPattern.Parse("скрин*").MatchesAt(tokens, 0).Should().BeTrue();
        KeywordPattern.Parse("=скрин*").MatchesAt(tokens, 0).Should().BeFalse();
    }

    [Fact]
    public void MatchesAt_ShortWord_NeverToleratesTypo()
    {
        var tokens = TokenizedText.From("брок").Tokens;

        KeywordPattern.Parse("брак").MatchesAt(tokens, 0).Should().BeFalse();
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(2)]
    [InlineData(5)]
    public void MatchesAt_IndexOutsideTokens_ReturnsFalse(int index)
    {
        var tokens = TokenizedText.From("нова пошта").Tokens;

        KeywordPattern.Parse("пошта").MatchesAt(tokens, index).Should().BeFalse();
    }

    [Fact]
    public void Parse_Phrase_KeepsTextAndLength()
    {
        var pattern = KeywordPattern.Parse("  нов*   пошт* ");

        pattern.Text.Should().Be("  нов*   пошт* ");
        pattern.Length.Should().Be(2);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("*")]
    [InlineData("нова *")]
    [InlineData("=")]
    [InlineData("=*")]
    public void Parse_EmptyWord_Throws(string pattern)
    {
        var parse = () => KeywordPattern.Parse(pattern);

        parse.Should().Throw<ArgumentException>();
    }
}
