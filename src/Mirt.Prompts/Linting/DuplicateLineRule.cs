using Mirt.Prompts.Loading;

namespace Mirt.Prompts.Linting;

/// <summary>
/// Reports long lines of text that appear in two or more template files: rules repeated by copy and paste drift
/// apart, so they belong in one partial.
/// </summary>
internal static class DuplicateLineRule
{
    /// <summary>The shortest trimmed line, in characters, that counts as rule text.</summary>
    public const int MinLength = 40;

    /// <summary>Reports every occurrence of every line shared by different files.</summary>
    public static void Check(IReadOnlyList<PromptSource> sources, ProblemCollector problems)
    {
        var occurrences = new Dictionary<string, List<(string File, TextPosition At)>>(StringComparer.Ordinal);
        foreach (var source in sources)
        {
            var lines = source.Text.Split('\n');
            for (var i = 0; i < lines.Length; i++)
            {
                var line = lines[i];
                var text = line.Trim();
                if (text.Length >= MinLength && !IsOnlyTags(text))
                {
                    if (!occurrences.TryGetValue(text, out var places))
                    {
                        occurrences[text] = places = [];
                    }

                    places.Add((source.RelativePath, new TextPosition(i + 1, line.Length - line.TrimStart().Length + 1)));
                }
            }
        }

        foreach (var places in occurrences.Values)
        {
            if (places.Select(place => place.File).Distinct(StringComparer.Ordinal).Count() < 2)
            {
                continue;
            }

            foreach (var place in places)
            {
                var others = places.Where(other => other.File != place.File).Select(other => $"{other.File}:{other.At.Line}");
                problems.Add(
                    place.File,
                    place.At,
                    $"this line is repeated in {string.Join(", ", others)}; move shared text into a partial in shared/");
            }
        }
    }

    private static bool IsOnlyTags(string line)
    {
        var position = 0;
        while (position < line.Length)
        {
            if (char.IsWhiteSpace(line[position]))
            {
                position++;
                continue;
            }

            if (string.CompareOrdinal(line, position, "{{", 0, 2) != 0)
            {
                return false;
            }

            var close = line.IndexOf("}}", position + 2, StringComparison.Ordinal);
            if (close < 0)
            {
                return false;
            }

            position = close + 2;
            while (position < line.Length && line[position] == '}')
            {
                position++;
            }
        }

        return true;
    }
}
