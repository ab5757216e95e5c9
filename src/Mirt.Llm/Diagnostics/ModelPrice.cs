namespace Mirt.Llm.Diagnostics;

/// <summary>
/// Holds what one model costs, in US dollars per 1 000 000 tokens, as the provider's price list states it.
/// </summary>
/// <param name="InputUsdPerMillion">The price of 1M input (prompt) tokens in USD, 0 or more.</param>
/// <param name="OutputUsdPerMillion">The price of 1M output (completion) tokens in USD, 0 or more.</param>
/// <param name="CachedInputUsdPerMillion">The price of 1M cached input tokens in USD, 0 or more, or
/// <see langword="null"/> to price them as ordinary input.</param>
public sealed record ModelPrice(decimal InputUsdPerMillion, decimal OutputUsdPerMillion, decimal? CachedInputUsdPerMillion = null)
{
    /// <summary>Computes the price of one call.</summary>
    /// <param name="inputTokens">The input tokens, cached ones included (as providers report them), 0 or more.</param>
    /// <param name="outputTokens">The output tokens, 0 or more.</param>
    /// <param name="cachedInputTokens">How many of the input tokens were cached, 0 to <paramref name="inputTokens"/>.</param>
    /// <returns>The price in USD.</returns>
    public decimal CostUsd(long inputTokens, long outputTokens, long cachedInputTokens = 0)
    {
        var cached = Math.Clamp(cachedInputTokens, 0, Math.Max(inputTokens, 0));
        var fresh = Math.Max(inputTokens, 0) - cached;
        var total = (fresh * InputUsdPerMillion)
            + (cached * (CachedInputUsdPerMillion ?? InputUsdPerMillion))
            + (Math.Max(outputTokens, 0) * OutputUsdPerMillion);
        return total / 1_000_000m;
    }
}
