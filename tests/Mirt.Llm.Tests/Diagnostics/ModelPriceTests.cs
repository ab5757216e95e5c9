using Mirt.Llm.Diagnostics;

namespace Mirt.Llm.Tests.Diagnostics;

public sealed class ModelPriceTests
{
    [Fact]
    public void CostUsd_InputAndOutput_PricedPerMillion() =>
        new ModelPrice(0.15m, 0.60m).CostUsd(1_000_000, 1_000_000).Should().Be(0.75m);

    [Fact]
    public void CostUsd_CachedInput_PricedAtTheCachedRate() =>
        new ModelPrice(0.15m, 0.60m, 0.075m).CostUsd(inputTokens: 2_000_000, outputTokens: 0, cachedInputTokens: 1_000_000).Should().Be(0.225m);

    [Fact]
    public void CostUsd_NoCachedRate_CachedInputPricedAsInput() =>
        new ModelPrice(1m, 0m).CostUsd(inputTokens: 500_000, outputTokens: 0, cachedInputTokens: 500_000).Should().Be(0.5m);

    [Fact]
    public void CostUsd_CachedMoreThanInput_IsClamped() =>
        new ModelPrice(1m, 0m, 0m).CostUsd(inputTokens: 100, outputTokens: 0, cachedInputTokens: 1_000).Should().Be(0m);
}
