using Mirt.Prompts.Checking;
using Mirt.Prompts.Loading;

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

    [Fact]
    public void Tokenize_Tags_TrackOneBasedColumnsOfTheOpeningBraces()
    {
        const string text = "Ось {{name}} і {{{raw}}}\n  {{!-- a\ncomment --}} {{> sign}}\n\t{{/each}}";

        var tokens = MustacheTokenizer.Tokenize(text, out _);

        tokens.Select(t => (t.At.Line, t.At.Column)).Should().Equal((1, 5), (1, 16), (2, 3), (3, 14), (4, 2));
    }

    [Fact]
    public void Tokenize_UnclosedTag_ReportsItsColumn()
    {
        MustacheTokenizer.Tokenize("ok\nab {{name", out var errors);

        errors.Should().ContainSingle().Which.At.Should().Be(new TextPosition(2, 4));
    }

    [Theory]
    [InlineData("a\n\n{{name", 3)]
    [InlineData("{{!-- never closed }}", 1)]
    [InlineData("a\n{{{raw}}", 2)]
    [InlineData("a\n{{name}}}", 2)]
    public void Tokenize_BadlyClosedTag_ReportsItsLine(string text, int line)
    {
        MustacheTokenizer.Tokenize(text, out var errors);

        errors.Should().ContainSingle().Which.At.Line.Should().Be(line);
    }
}
