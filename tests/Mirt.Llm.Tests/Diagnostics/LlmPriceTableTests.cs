using Mirt.Llm.Diagnostics;

namespace Mirt.Llm.Tests.Diagnostics;

public sealed class LlmPriceTableTests
{
    private static readonly LlmPriceTable Table = new()
    {
        Models = new Dictionary<string, ModelPrice>
        {
            ["gpt-4o"] = new(2.50m, 10.00m),
            ["gpt-4o-mini"] = new(0.15m, 0.60m),
        },
    };

    [Theory]
    [InlineData("gpt-4o", 2.50)]
    [InlineData("GPT-4o", 2.50)]
    [InlineData("gpt-4o-2024-08-06", 2.50)]
    [InlineData("gpt-4o-mini", 0.15)]
    [InlineData("gpt-4o-mini-2024-07-18", 0.15)]
    public void Find_KnownModelOrDatedName_ReturnsTheLongestMatch(string model, double inputPrice) =>
        Table.Find(model)!.InputUsdPerMillion.Should().Be((decimal)inputPrice);

    [Theory]
    [InlineData("gpt-4")]
    [InlineData("gpt-4omni")]
    [InlineData("llama-local")]
    [InlineData("")]
    [InlineData(null)]
    public void Find_UnknownModel_ReturnsNull(string? model) =>
        Table.Find(model).Should().BeNull();
}
