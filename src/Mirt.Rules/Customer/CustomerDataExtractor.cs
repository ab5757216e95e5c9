using System.Text;
using Mirt.Rules.Text;

namespace Mirt.Rules.Customer;

/// <summary>
/// Extracts the delivery data a customer writes (full name, phone, city, Nova Poshta branch) and masks it for logs
/// (see <c>shared/DOMAIN.md</c>, Delivery and Moderation; cities and word lists live in <c>Data/cities.json</c>).
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class CustomerDataExtractor
{
    private const int PhoneVisibleDigits = 2;
    private readonly CustomerLexicon _lexicon;

    private CustomerDataExtractor(CustomerLexicon lexicon) => _lexicon = lexicon;

    /// <summary>Gets the extractor that uses the embedded <c>Data/cities.json</c>.</summary>
    public static CustomerDataExtractor Default { get; } = new(CustomerLexicon.Default);

    /// <summary>Extracts whatever delivery data one message holds.</summary>
    /// <param name="text">The customer message; <see langword="null"/> is treated as empty.</param>
    /// <returns>
    /// The fields found: the phone as <c>+380XXXXXXXXX</c>, the city as its Ukrainian canonical name, the branch as digits only
    /// (1–5, never phone digits), the full name as written; a field the message lacks is <see langword="null"/>.
    /// </returns>
    public CustomerDataPatch Extract(string? text)
    {
        var tokens = TokenizedText.From(text);
        if (tokens.IsEmpty)
        {
            return CustomerDataPatch.Empty;
        }

        var phones = PhoneFinder.FindAll(tokens.Original);
        var inPhone = PhoneFinder.TokenMask(tokens);
        var cities = CityFinder.FindAll(tokens, _lexicon);
        var inCity = CityFinder.TokenMask(cities, tokens.Tokens.Count);
        var blocked = new bool[inCity.Length];
        for (var i = 0; i < blocked.Length; i++)
        {
            blocked[i] = inCity[i] || inPhone[i];
        }

        return new CustomerDataPatch(
            NameFinder.Find(tokens, blocked, _lexicon),
            phones.Count > 0 ? phones[0].Normalized : null,
            cities.Count > 0 ? cities[0].Name : null,
            BranchFinder.Find(tokens, inPhone, inCity, _lexicon));
    }

    /// <summary>Masks a phone number for logs, keeping the country code and the last two digits.</summary>
    /// <param name="phone">The phone in any form; a Ukrainian mobile is normalised first.</param>
    /// <returns><c>+380*******67</c> for a Ukrainian mobile; otherwise the input with every digit but the last two starred.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="phone"/> is <see langword="null"/>.</exception>
    public static string MaskPhone(string phone)
    {
        ArgumentNullException.ThrowIfNull(phone);
        if (Phone.TryNormalize(phone, out var normalized))
        {
            return string.Concat("+380", new string('*', Phone.NormalizedLength - 4 - PhoneVisibleDigits), normalized[^PhoneVisibleDigits..]);
        }

        var digitsLeft = phone.Count(char.IsAsciiDigit);
        var masked = new StringBuilder(phone.Length);
        foreach (var c in phone)
        {
            masked.Append(char.IsAsciiDigit(c) && digitsLeft-- > PhoneVisibleDigits ? '*' : c);
        }

        return masked.ToString();
    }

    /// <summary>Masks a person's name for logs, keeping the first letter of every word.</summary>
    /// <param name="name">The name, for example a surname, name and patronymic.</param>
    /// <returns>The name with every letter but the first of each word replaced by <c>*</c>; spaces, hyphens and apostrophes kept.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is <see langword="null"/>.</exception>
    public static string MaskName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var masked = new StringBuilder(name.Length);
        var atWordStart = true;
        foreach (var c in name)
        {
            masked.Append(char.IsLetter(c) && !atWordStart ? '*' : c);
            atWordStart = char.IsWhiteSpace(c);
        }

        return masked.ToString();
    }
}
