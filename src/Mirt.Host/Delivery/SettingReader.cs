using System.Globalization;

namespace Mirt.Host.Delivery;

/// <summary>Reads whole-number and list settings with errors that name the variable and an example.</summary>
internal static class SettingReader
{
    /// <summary>Reads a duration given in milliseconds.</summary>
    /// <param name="configuration">The configuration.</param>
    /// <param name="key">The variable.</param>
    /// <param name="fallback">The default.</param>
    /// <param name="allowZero">Whether 0 is allowed (it turns a feature off).</param>
    /// <returns>The duration.</returns>
    /// <exception cref="InvalidOperationException">The value is not a whole number of milliseconds.</exception>
    public static TimeSpan Milliseconds(IConfiguration configuration, string key, TimeSpan fallback, bool allowZero = false)
    {
        var text = configuration[key]?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return fallback;
        }

        return long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var ms) && (ms >= 1 || (allowZero && ms == 0)) && ms <= 86_400_000
            ? TimeSpan.FromMilliseconds(ms)
            : throw new InvalidOperationException($"{key} is '{text}'; give a whole number of milliseconds{(allowZero ? " (0 turns it off)" : string.Empty)}, for example {(long)fallback.TotalMilliseconds}.");
    }

    /// <summary>Reads a whole number in a range.</summary>
    /// <param name="configuration">The configuration.</param>
    /// <param name="key">The variable.</param>
    /// <param name="fallback">The default.</param>
    /// <param name="max">The largest value accepted; the smallest is 1.</param>
    /// <returns>The number.</returns>
    /// <exception cref="InvalidOperationException">The value is not a whole number from 1 to <paramref name="max"/>.</exception>
    public static int Count(IConfiguration configuration, string key, int fallback, int max)
    {
        var text = configuration[key]?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return fallback;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= 1 && value <= max
            ? value
            : throw new InvalidOperationException($"{key} is '{text}'; give a whole number from 1 to {max}, for example {fallback}.");
    }

    /// <summary>Reads a comma-separated list.</summary>
    /// <param name="configuration">The configuration.</param>
    /// <param name="key">The variable.</param>
    /// <param name="fallback">The default.</param>
    /// <returns>The trimmed, non-empty items; an unset value gives <paramref name="fallback"/>, <c>none</c> an empty list.</returns>
    public static IReadOnlyList<string> List(IConfiguration configuration, string key, IReadOnlyList<string> fallback)
    {
        var text = configuration[key]?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return fallback;
        }

        return string.Equals(text, "none", StringComparison.OrdinalIgnoreCase)
            ? []
            : [.. text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
    }
}
