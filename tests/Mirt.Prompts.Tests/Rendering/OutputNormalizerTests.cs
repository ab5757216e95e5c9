using Mirt.Prompts.Rendering;

namespace Mirt.Prompts.Tests.Rendering;

public sealed class OutputNormalizerTests
{
    [Theory]
    [InlineData("", "")]
    [InlineData("  \n \n", "")]
    [InlineData("  Привіт  ", "Привіт")]
    [InlineData("a  \t\nb", "a\nb")]
    [InlineData("a\n\nb", "a\n\nb")]
    [InlineData("a\n\n\n\n\nb", "a\n\nb")]
    [InlineData("a\n  \t \n   \nb", "a\n\nb")]
    [InlineData("a\r\n\r\n\r\nb\r\n", "a\n\nb")]
    [InlineData("\n\n  a\n    b\n\n", "a\n    b")]
    public void Normalize_Text_TrimsLinesAndCollapsesBlankLines(string input, string expected)
    {
        OutputNormalizer.Normalize(input).Should().Be(expected);
    }
}
