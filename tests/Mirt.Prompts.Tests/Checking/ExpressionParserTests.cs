using Mirt.Prompts.Checking;

namespace Mirt.Prompts.Tests.Checking;

public sealed class ExpressionParserTests
{
    [Fact]
    public void Parse_HelperCall_SplitsPathsLiteralsSubExpressionsHashAndBlockParameters()
    {
        var parsed = ExpressionParser.Parse("each (lookup items 0) \"a b\" 12.5 -3 true ../x.[odd name] key=value as |item i|");

        parsed.Parts.Select(p => (p.Kind, p.Text)).Should().Equal(
            (ExpressionPartKind.Path, "each"),
            (ExpressionPartKind.SubExpression, "lookup items 0"),
            (ExpressionPartKind.Literal, "a b"),
            (ExpressionPartKind.Literal, "12.5"),
            (ExpressionPartKind.Literal, "-3"),
            (ExpressionPartKind.Literal, "true"),
            (ExpressionPartKind.Path, "../x.[odd name]"));
        parsed.Parts[1].Inner!.Parts.Select(p => p.Text).Should().Equal("lookup", "items", "0");
        parsed.Hash.Should().ContainSingle().Which.Key.Should().Be("key");
        parsed.BlockParameters.Should().Equal("item", "i");
    }

    [Theory]
    [InlineData("money \"x")]
    [InlineData("money (lookup a")]
    [InlineData("money a)")]
    [InlineData("money x=")]
    [InlineData("each items as |item")]
    [InlineData("a.[b")]
    public void Parse_BadSyntax_ThrowsFormatException(string body)
    {
        var parse = () => ExpressionParser.Parse(body);

        parse.Should().Throw<FormatException>();
    }
}
