using System.Globalization;
using Mirt.Llm.Diagnostics;

namespace Mirt.Host.Settings;

/// <summary>Parses <c>MIRT_LLM_PRICES</c>: comma-separated <c>model=input/output</c> pairs in USD per million tokens.</summary>
internal static class PriceList
{
    /// <summary>Parses the setting; <see langword="null"/> or empty gives an empty table.</summary>
    /// <exception cref="InvalidOperationException">An entry is malformed; the message quotes it.</exception>
    public static LlmPriceTable Parse(string? text)
    {
        var models = new Dictionary<string, ModelPrice>(StringComparer.OrdinalIgnoreCase);
        foreach (var entry in (text ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = entry.Split('=', 2, StringSplitOptions.TrimEntries);
            var prices = parts.Length == 2 ? parts[1].Split('/', StringSplitOptions.TrimEntries) : [];
            if (parts.Length != 2 || parts[0].Length == 0 || prices.Length != 2
                || !decimal.TryParse(prices[0], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var input)
                || !decimal.TryParse(prices[1], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var output))
            {
                throw new InvalidOperationException($"MIRT_LLM_PRICES entry '{entry}' is not 'model=input/output' in USD per million tokens, e.g. gpt-4o-mini=0.15/0.60.");
            }

            models[parts[0]] = new ModelPrice(input, output);
        }

        return new LlmPriceTable { Models = models };
    }
}
