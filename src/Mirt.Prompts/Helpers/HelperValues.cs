using System.Collections;
using System.Globalization;

namespace Mirt.Prompts.Helpers;

/// <summary>How the built-in helpers read their arguments: as comparable text, as truthiness of a list.</summary>
internal static class HelperValues
{
    /// <summary>Formats a value the way <c>#eq</c> compares it: invariant, lower-case booleans, no trailing zeros.</summary>
    public static string ToComparableText(object? value) => value switch
    {
        null => string.Empty,
        string text => text,
        bool flag => flag ? "true" : "false",
        decimal exact => exact.ToString("G29", CultureInfo.InvariantCulture),
        double real => real.ToString("R", CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    /// <summary>Gets whether a value holds something: a non-empty list or string, true, any other non-null value.</summary>
    public static bool HasAny(object? value) => value switch
    {
        null => false,
        string text => text.Length > 0,
        bool flag => flag,
        IEnumerable items => items.GetEnumerator().MoveNext(),
        _ => true,
    };

    /// <summary>Joins the items of a list as text; a null list joins to an empty string.</summary>
    public static string Join(object? value, string separator)
    {
        if (value is null)
        {
            return string.Empty;
        }

        if (value is string or not IEnumerable)
        {
            return ToComparableText(value);
        }

        return string.Join(separator, ((IEnumerable)value).Cast<object?>().Select(ToComparableText));
    }
}
