using System.Text.RegularExpressions;

namespace Mirt.Host.Web;

/// <summary>
/// Masks what must never reach a log line in full: card numbers (13-19 digits), phone numbers (9-15 digits, spaces,
/// dashes, dots and brackets allowed between them) and e-mail addresses. Names cannot be recognised in free text, so
/// they are kept out of logs by construction: no log event carries the customer's text or name above Trace.
/// </summary>
/// <remarks>Applied to every free-text value a host log event carries (rejection reasons, exception messages). The
/// patterns are bounded, so matching stays linear in the text.
/// Thread-safe.</remarks>
internal static partial class PiiMasker
{
    /// <summary>Masks card numbers, phone numbers and e-mail addresses in <paramref name="text"/>.</summary>
    /// <param name="text">The text about to be logged.</param>
    /// <returns>The text with each match replaced by <c>[card]</c>, <c>[phone]</c> or <c>[email]</c>.</returns>
    public static string Mask(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var masked = Card().Replace(text, "[card]");
        masked = Phone().Replace(masked, "[phone]");
        return Email().Replace(masked, "[email]");
    }

    [GeneratedRegex(@"(?<!\d)\d(?:[ -]?\d){12,18}(?!\d)", RegexOptions.CultureInvariant)]
    private static partial Regex Card();

    [GeneratedRegex(@"(?<!\d)\+?\d(?:[ ().-]{0,2}\d){8,14}(?!\d)", RegexOptions.CultureInvariant)]
    private static partial Regex Phone();

    [GeneratedRegex(@"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", RegexOptions.CultureInvariant)]
    private static partial Regex Email();
}
