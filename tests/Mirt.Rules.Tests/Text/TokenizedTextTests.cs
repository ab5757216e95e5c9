using Mirt.Rules.Text;

namespace Mirt.Rules.Tests.Text;

public sealed class TokenizedTextTests
{
    [Theory]
    [InlineData("Так, оформлюємо", new[] { "так", "оформлюємо" })]
    [InlineData("ЗРІСТ 118см!!!", new[] { "зріст", "118", "см" })]
    [InlineData("м'ятний", new[] { "мятний" })]
    [InlineData("м’ятний та п`ять", new[] { "мятний", "та", "пять" })]
    [InlineData("Ещё чёрный", new[] { "еще", "черный" })]
    [InlineData("+380501112233", new[] { "380501112233" })]
    [InlineData("067-123-45-67", new[] { "067", "123", "45", "67" })]
    [InlineData("темно-синій", new[] { "темно", "синій" })]
    [InlineData("'так'", new[] { "так" })]
    [InlineData("Hello, World", new[] { "hello", "world" })]
    public void From_Message_SplitsIntoNormalizedWords(string text, string[] expected)
    {
        TokenizedText.From(text).Tokens.Select(t => t.Value).Should().Equal(expected);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("!!! ??? ...")]
    [InlineData("🙂🙂")]
    public void From_NoWords_IsEmpty(string? text)
    {
        var tokenized = TokenizedText.From(text);

        tokenized.IsEmpty.Should().BeTrue();
        tokenized.Original.Should().Be(text ?? string.Empty);
    }

    [Fact]
    public void From_Numbers_MarksNumberTokensAndKeepsPositions()
    {
        var tokens = TokenizedText.From("рост 131").Tokens;

        tokens[0].IsNumber.Should().BeFalse();
        tokens[1].Should().Be(new Token("131", 5, 3, IsNumber: true));
    }

    [Fact]
    public void From_ApostropheWord_SpansOriginalCharacters()
    {
        var token = TokenizedText.From("в'ю").Tokens.Single();

        token.Value.Should().Be("вю");
        token.Length.Should().Be(3);
    }

    [Fact]
    public void From_WordInsideLongerWord_IsNotSeparateToken()
    {
        TokenizedText.From("також").Tokens.Select(t => t.Value).Should().Equal("також");
    }
}
