using System.Globalization;

namespace Mirt.Host.Settings;

/// <summary>
/// Holds a request rate: at most <see cref="Permits"/> requests per <see cref="Window"/>, written <c>20/min</c>,
/// <c>100/s</c> or <c>500/h</c> in settings.
/// </summary>
/// <param name="Permits">How many requests the window allows, at least 1.</param>
/// <param name="Window">The window the permits refill over (one second, minute or hour).</param>
public readonly record struct RequestRate(int Permits, TimeSpan Window)
{
    /// <summary>Reads a rate written as <c>N/s</c>, <c>N/min</c> or <c>N/h</c>.</summary>
    /// <param name="text">The setting's value, for example <c>20/min</c>.</param>
    /// <param name="key">The setting's name, for the error message.</param>
    /// <returns>The rate.</returns>
    /// <exception cref="InvalidOperationException"><paramref name="text"/> is not a whole number of at least 1, a slash
    /// and one of <c>s</c>, <c>min</c> or <c>h</c>.</exception>
    public static RequestRate Parse(string text, string key)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = text.Split('/', 2, StringSplitOptions.TrimEntries);
        TimeSpan? window = parts.Length == 2 ? parts[1].ToUpperInvariant() switch
        {
            "S" or "SEC" or "SECOND" => TimeSpan.FromSeconds(1),
            "M" or "MIN" or "MINUTE" => TimeSpan.FromMinutes(1),
            "H" or "HOUR" => TimeSpan.FromHours(1),
            _ => null,
        } : null;
        if (window is null || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var permits) || permits < 1)
        {
            throw new InvalidOperationException($"{key} is '{text}'; give a whole number of requests per s, min or h, for example 20/min or 100/s (or 'off').");
        }

        return new RequestRate(permits, window.Value);
    }

    /// <summary>Writes the rate the way settings give it, for example <c>20/min</c>.</summary>
    /// <returns>The rate as text.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Permits}/{(Window.TotalSeconds <= 1 ? "s" : Window.TotalMinutes <= 1 ? "min" : "h")}");
}
