using System.Globalization;

namespace Mirt.Prompts.Helpers;

/// <summary>
/// Formats amounts for chat: invariant digits, a regular space between thousands, no decimals when the amount is
/// whole after rounding to cents, else two decimals (2050 → "2 050", 57.5 → "57.50").
/// </summary>
internal static class MoneyFormatter
{
    private static readonly NumberFormatInfo Spaced = new()
    {
        NumberGroupSeparator = " ",
        NumberDecimalSeparator = ".",
        NegativeSign = "-",
    };

    /// <summary>Formats <paramref name="value"/>; null formats as an empty string.</summary>
    /// <exception cref="ArgumentException">The value is not a number.</exception>
    public static string Format(object? value)
    {
        if (value is null)
        {
            return string.Empty;
        }

        var amount = Math.Round(ToDecimal(value), 2, MidpointRounding.AwayFromZero);
        var whole = amount == decimal.Truncate(amount);
        return amount.ToString(whole ? "#,0" : "#,0.00", Spaced);
    }

    private static decimal ToDecimal(object value)
    {
        switch (value)
        {
            case decimal exact:
                return exact;
            case double or float:
                var real = Convert.ToDouble(value, CultureInfo.InvariantCulture);
                if (double.IsFinite(real) && Math.Abs(real) < 7.9e28)
                {
                    return (decimal)real;
                }

                break;
            case byte or sbyte or short or ushort or int or uint or long or ulong:
                return Convert.ToDecimal(value, CultureInfo.InvariantCulture);
            case string text when decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var parsed):
                return parsed;
        }

        throw new ArgumentException(
            $"The 'money' helper needs a number but got '{value}' ({value.GetType().Name}); pass a numeric model property such as priceUah.",
            nameof(value));
    }
}
