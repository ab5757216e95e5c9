using System.Text;

namespace Mirt.Prompts.Rendering;

/// <summary>
/// Tidies rendered chat text: trims each line's trailing whitespace, keeps at most one blank line in a row
/// and trims the whole text.
/// </summary>
internal static class OutputNormalizer
{
    /// <summary>Returns the tidy form of <paramref name="text"/>.</summary>
    public static string Normalize(string text)
    {
        var result = new StringBuilder(text.Length);
        var blankLines = 0;
        foreach (var range in text.AsSpan().Split('\n'))
        {
            var line = text.AsSpan(range).TrimEnd();
            if (line.IsEmpty)
            {
                blankLines++;
                continue;
            }

            if (result.Length > 0)
            {
                result.Append('\n', Math.Min(blankLines + 1, 2));
            }
            else
            {
                line = line.TrimStart();
            }

            result.Append(line);
            blankLines = 0;
        }

        return result.ToString();
    }
}
