using System.Text.Json;
using Mirt.Rules.Catalog;
using Mirt.Rules.Data;
using Mirt.Rules.Text;

namespace Mirt.Rules.Colors;

/// <summary>
/// Maps Ukrainian and Russian colour words to canonical colours and resolves them against a model's colours, including the
/// white → milk substitution (see <c>shared/DOMAIN.md</c>, Colour synonyms; the words live in <c>Data/colors.json</c>).
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class ColorCatalog
{
    private const string FileName = "colors.json";
    private readonly (string Name, KeywordSet Words)[] _colors;
    private readonly Dictionary<string, IReadOnlyList<string>> _substitutes;

    private ColorCatalog((string Name, KeywordSet Words)[] colors, Dictionary<string, IReadOnlyList<string>> substitutes)
    {
        _colors = colors;
        _substitutes = substitutes;
        CanonicalColors = [.. colors.Select(c => c.Name)];
    }

    /// <summary>Gets the catalog read from the embedded <c>Data/colors.json</c>.</summary>
    /// <exception cref="InvalidOperationException">The embedded file is broken (thrown on first use, wrapped in a type initializer exception).</exception>
    public static ColorCatalog Default { get; } = LoadDefault();

    /// <summary>Gets the canonical colour names in data order.</summary>
    public IReadOnlyList<string> CanonicalColors { get; }

    /// <summary>Finds the colours a message mentions.</summary>
    /// <param name="text">The tokenised message.</param>
    /// <returns>The canonical colours in the order the message first mentions them, each once; empty when none.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is <see langword="null"/>.</exception>
    public IReadOnlyList<string> FindMentioned(TokenizedText text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var hits = new List<(int Index, string Name)>();
        foreach (var (name, words) in _colors)
        {
            if (words.FindFirst(text) is { } hit)
            {
                hits.Add((hit.TokenIndex, name));
            }
        }

        return [.. hits.OrderBy(h => h.Index).Select(h => h.Name)];
    }

    /// <summary>Resolves a requested colour against the colours a model is sold in.</summary>
    /// <param name="product">The model.</param>
    /// <param name="canonicalColor">The requested colour: a canonical name, or a synonym that is mapped to one first.</param>
    /// <returns>
    /// The colour itself when the model has it; otherwise the first configured substitute the model has (white → milk, with
    /// <see cref="ColorResolution.IsSubstitute"/> set); otherwise an unavailable resolution.
    /// </returns>
    /// <exception cref="ArgumentNullException"><paramref name="product"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="canonicalColor"/> is empty.</exception>
    public ColorResolution Resolve(Product product, string canonicalColor)
    {
        ArgumentNullException.ThrowIfNull(product);
        ArgumentException.ThrowIfNullOrWhiteSpace(canonicalColor);
        var requested = Canonicalize(canonicalColor);
        if (product.FindColor(requested) is { } exact)
        {
            return new ColorResolution(Available: true, exact.Color, requested, IsSubstitute: false);
        }

        if (_substitutes.TryGetValue(requested, out var offered))
        {
            foreach (var substitute in offered)
            {
                if (product.FindColor(substitute) is { } variant)
                {
                    return new ColorResolution(Available: true, variant.Color, requested, IsSubstitute: true);
                }
            }
        }

        return new ColorResolution(Available: false, Color: null, requested, IsSubstitute: false);
    }

    private string Canonicalize(string color)
    {
        var trimmed = color.Trim();
        var canonical = CanonicalColors.FirstOrDefault(c => string.Equals(c, trimmed, StringComparison.OrdinalIgnoreCase));
        return canonical ?? FindMentioned(TokenizedText.From(trimmed)) switch
        {
            [var only] => only,
            _ => trimmed,
        };
    }

    private static ColorCatalog LoadDefault()
    {
        using var stream = RulesData.Open(FileName);
        ColorsFileJson? file;
        try
        {
            file = JsonSerializer.Deserialize(stream, ColorsJsonContext.Default.ColorsFileJson);
        }
        catch (JsonException ex)
        {
            throw new InvalidOperationException($"The embedded {FileName} is not valid JSON; fix src/Mirt.Rules/Data/{FileName}.", ex);
        }

        var colors = ColorData.Compile(file?.Colors, FileName);
        return new ColorCatalog(colors, ColorData.Substitutes(file?.Substitutes, colors, FileName));
    }
}
