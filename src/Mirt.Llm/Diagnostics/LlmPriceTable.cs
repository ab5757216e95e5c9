namespace Mirt.Llm.Diagnostics;

/// <summary>
/// Prices LLM calls for <c>llm_cost_usd</c>: a price per model name (<see cref="ModelPrice"/>, USD per 1M tokens),
/// copied from the provider's price list by whoever configures the host.
/// </summary>
/// <remarks>
/// <para>A model is looked up by its exact name first, then by the longest configured name it starts with followed by
/// <c>-</c>, because providers answer with dated names (<c>gpt-4o-mini-2024-07-18</c> for <c>gpt-4o-mini</c>).
/// Names compare case-insensitively.</para>
/// <para>A model missing from the table costs 0 USD, so the cost alert under-reports: keep the table complete.</para>
/// <para>Immutable; validated once when added to a pipeline. Thread-safe.</para>
/// </remarks>
public sealed record LlmPriceTable
{
    /// <summary>Gets the price of each model by name (names not empty, prices 0 or more).</summary>
    /// <value>The default is empty: every call costs 0 USD.</value>
    public IReadOnlyDictionary<string, ModelPrice> Models { get; init; } = new Dictionary<string, ModelPrice>();

    /// <summary>Finds the price of a model.</summary>
    /// <param name="model">The model name the provider answered with, or the one requested.</param>
    /// <returns>The price, or <see langword="null"/> when the table has none.</returns>
    public ModelPrice? Find(string? model)
    {
        if (string.IsNullOrWhiteSpace(model))
        {
            return null;
        }

        ModelPrice? best = null;
        var bestLength = -1;
        foreach (var (name, price) in Models)
        {
            var matches = string.Equals(name, model, StringComparison.OrdinalIgnoreCase)
                || (model.Length > name.Length && model[name.Length] == '-' && model.StartsWith(name, StringComparison.OrdinalIgnoreCase));
            if (matches && name.Length > bestLength)
            {
                best = price;
                bestLength = name.Length;
            }
        }

        return best;
    }

    /// <summary>Checks the values.</summary>
    /// <exception cref="ArgumentException">A name is empty or a price negative; the message names it.</exception>
    internal void Validate()
    {
        var problems = (Models ?? throw new ArgumentException("LlmPriceTable.Models must not be null; leave it empty for no prices.", "options"))
            .Where(p => string.IsNullOrWhiteSpace(p.Key) || p.Value is null
                || p.Value.InputUsdPerMillion < 0 || p.Value.OutputUsdPerMillion < 0 || p.Value.CachedInputUsdPerMillion < 0)
            .Select(p => $"'{p.Key}'")
            .ToList();
        if (problems.Count > 0)
        {
            throw new ArgumentException(
                $"LlmPriceTable has invalid entries {string.Join(", ", problems)}: every model needs a name and prices of 0 or more USD per 1M tokens.",
                "options");
        }
    }
}
