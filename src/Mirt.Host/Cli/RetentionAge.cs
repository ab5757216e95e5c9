using System.Globalization;

namespace Mirt.Host.Cli;

/// <summary>Parses the age given to <c>mirt prune --older-than</c>: a whole number followed by <c>d</c>, <c>h</c> or <c>m</c>.</summary>
public static class RetentionAge
{
    /// <summary>Parses an age such as <c>30d</c>, <c>12h</c> or <c>90m</c>.</summary>
    /// <param name="text">The text.</param>
    /// <param name="age">The age, when parsed.</param>
    /// <returns><see langword="true"/> when the text is a positive whole number with a known unit.</returns>
    public static bool TryParse(string? text, out TimeSpan age)
    {
        age = TimeSpan.Zero;
        if (string.IsNullOrEmpty(text) || text.Length < 2
            || !int.TryParse(text.AsSpan(0, text.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var amount)
            || amount <= 0)
        {
            return false;
        }

        switch (text[^1])
        {
            case 'd':
                age = TimeSpan.FromDays(amount);
                return true;
            case 'h':
                age = TimeSpan.FromHours(amount);
                return true;
            case 'm':
                age = TimeSpan.FromMinutes(amount);
                return true;
            default:
                return false;
        }
    }
}
