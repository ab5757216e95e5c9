using System.Text;

namespace Mirt.Nodes.Abstractions.Replies;

/// <summary>
/// Splits reply text into chat bubbles: at lines of three dashes written in templates, then by UTF-8 size at
/// sentence boundaries, because Instagram drops text over 1000 bytes per message (see MANYCHAT.md).
/// </summary>
public static class BubbleSplitter
{
    /// <summary>Gets the line that separates bubbles inside one template.</summary>
    public const string Separator = "---";

    /// <summary>Splits text into bubbles of at most <paramref name="maxBytes"/> UTF-8 bytes each.</summary>
    /// <param name="text">The rendered reply.</param>
    /// <param name="maxBytes">The byte budget per bubble; at least 16.</param>
    /// <returns>The non-empty bubbles, in order.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxBytes"/> is below 16.</exception>
    public static IReadOnlyList<string> Split(string text, int maxBytes)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBytes, 16);
        var bubbles = new List<string>();
        foreach (var part in SplitOnSeparator(text))
        {
            AddBySize(part, maxBytes, bubbles);
        }

        return bubbles;
    }

    private static IEnumerable<string> SplitOnSeparator(string text)
    {
        var current = new StringBuilder();
        foreach (var line in text.Split('\n'))
        {
            if (line.Trim() == Separator)
            {
                yield return current.ToString().Trim();
                current.Clear();
            }
            else
            {
                current.Append(line).Append('\n');
            }
        }

        yield return current.ToString().Trim();
    }

    private static void AddBySize(string text, int maxBytes, List<string> bubbles)
    {
        var rest = text.Trim();
        while (rest.Length > 0)
        {
            if (Encoding.UTF8.GetByteCount(rest) <= maxBytes)
            {
                bubbles.Add(rest);
                return;
            }

            var cut = CutPoint(rest, maxBytes);
            bubbles.Add(rest[..cut].Trim());
            rest = rest[cut..].Trim();
        }
    }

    // The longest prefix within budget that ends after a sentence end, else after a space, else at a character.
    private static int CutPoint(string text, int maxBytes)
    {
        int fit = 0, bytes = 0;
        while (fit < text.Length)
        {
            var size = char.IsHighSurrogate(text[fit]) && fit + 1 < text.Length ? 2 : 1;
            var charBytes = Encoding.UTF8.GetByteCount(text.AsSpan(fit, size));
            if (bytes + charBytes > maxBytes)
            {
                break;
            }

            bytes += charBytes;
            fit += size;
        }

        var window = text.AsSpan(0, fit);
        var sentence = window.LastIndexOfAny(".!?\n");
        if (sentence > fit / 3)
        {
            return sentence + 1;
        }

        var space = window.LastIndexOf(' ');
        return space > 0 ? space + 1 : Math.Max(fit, 1);
    }
}
