using Mirt.Rules.Data;
using Mirt.Rules.Text;

namespace Mirt.Rules.Colors;

/// <summary>
/// Validates and compiles the colour lists of <c>Data/colors.json</c>.
/// </summary>
internal static class ColorData
{
    public static (string Name, KeywordSet Words)[] Compile(IReadOnlyList<ColorJson>? colors, string fileName)
    {
        if (colors is null || colors.Count == 0)
        {
            throw new InvalidOperationException($"{fileName} has no 'colors'; list the canonical colours with their patterns.");
        }

        var result = new List<(string Name, KeywordSet Words)>();
        foreach (var color in colors)
        {
            if (string.IsNullOrWhiteSpace(color.Name))
            {
                throw new InvalidOperationException($"{fileName} has a colour without 'name'; give every colour its canonical name.");
            }

            var name = color.Name.Trim();
            if (result.Exists(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase)))
            {
                throw new InvalidOperationException($"{fileName} lists the colour '{name}' twice; merge the two entries.");
            }

            var data = new KeywordSetData { Patterns = color.Patterns ?? [], Exclusions = color.Exclusions };
            result.Add((name, data.ToKeywordSet(fileName, $"colors.{name}")));
        }

        return [.. result];
    }

    public static Dictionary<string, IReadOnlyList<string>> Substitutes(
        IReadOnlyList<ColorSubstituteJson>? substitutes,
        (string Name, KeywordSet Words)[] colors,
        string fileName)
    {
        var known = new HashSet<string>(colors.Select(c => c.Name), StringComparer.OrdinalIgnoreCase);
        var result = new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var entry in substitutes ?? [])
        {
            var offered = entry.Offered ?? [];
            if (entry.Requested is null || !known.Contains(entry.Requested) || offered.Count == 0 || !offered.All(known.Contains))
            {
                throw new InvalidOperationException(
                    $"{fileName} has a substitute for '{entry.Requested}' that names an unknown colour or offers none; use canonical names from 'colors'.");
            }

            if (!result.TryAdd(entry.Requested, offered))
            {
                throw new InvalidOperationException($"{fileName} lists substitutes for '{entry.Requested}' twice; merge the two entries.");
            }
        }

        return result;
    }
}
