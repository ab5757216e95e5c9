namespace Mirt.Prompts.Tests;

public sealed class PromptLintOptionsTests
{
    private static readonly PromptLintOptions Options = new()
    {
        MaxTemplateBytes = 1000,
        TemplateBudgets = new Dictionary<string, int>
        {
            ["llm/"] = 8000,
            ["llm/states/"] = 3000,
            ["llm/system"] = 12000,
            ["offer/made"] = 500,
        },
    };

    [Theory]
    [InlineData("greeting/welcome", 1000)]
    [InlineData("offer/made", 500)]
    [InlineData("offer/made_again", 1000)]
    [InlineData("llm/vision", 8000)]
    [InlineData("llm/states/offer", 3000)]
    [InlineData("llm/system", 12000)]
    [InlineData("llmx/system", 1000)]
    public void BudgetFor_LongestMatchingKeyWins_ElseTheDefault(string name, int expected)
    {
        Options.BudgetFor(name).Should().Be(expected);
    }
}
