using Mirt.Prompts.Checking;

namespace Mirt.Prompts.Tests.Checking;

public sealed class MustacheTokenizerTests
{
    [Fact]
    public void Tokenize_MixedTags_ClassifiesEachAndTracksLines()
    {
        const string text = "Привіт {{name}}\n{{!-- a {{comment}}\nacross lines --}}\n{{~#each items~}}\n{{{raw}}} {{&amp}}{{else}}{{^}}\n{{/each}}{{> sign}}{{^missing}}{{/missing}}\\{{escaped}}";

        var tokens = MustacheTokenizer.Tokenize(text, out var errors);

        errors.Should().BeEmpty();
        tokens.Select(t => (t.Kind, t.Body, t.Line)).Should().Equal(
            (MustacheKind.Variable, "name", 1),
            (MustacheKind.Comment, "", 2),
            (MustacheKind.BlockOpen, "each items", 4),
            (MustacheKind.Variable, "raw", 5),
            (MustacheKind.Variable, "amp", 5),
            (MustacheKind.Else, "", 5),
            (MustacheKind.Else, "", 5),
            (MustacheKind.Close, "each", 6),
            (MustacheKind.Partial, "sign", 6),
            (MustacheKind.InverseOpen, "missing", 6),
            (MustacheKind.Close, "missing", 6));
    }

    [Theory]
    [InlineData("a\n\n{{name", 3)]
    [InlineData("{{!-- never closed }}", 1)]
    [InlineData("a\n{{{raw}}", 2)]
    [InlineData("a\n{{name}}}", 2)]
    public void Tokenize_BadlyClosedTag_ReportsItsLine(string text, int line)
    {
        MustacheTokenizer.Tokenize(text, out var errors);

        errors.Should().ContainSingle().Which.Line.Should().Be(line);
    }
}
