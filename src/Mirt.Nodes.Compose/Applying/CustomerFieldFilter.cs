using System.Text.RegularExpressions;
using Mirt.Nodes.Abstractions.State;
using Mirt.Nodes.Compose.Contract;
using Mirt.Rules.Customer;

namespace Mirt.Nodes.Compose.Applying;

/// <summary>
/// Accepts the delivery fields a model read only when the rules' extractors confirm them (the phone normalises to
/// <c>+380…</c>, the city is a known city, the branch is 1 to 5 digits, the name is two or three capitalised words)
/// and the customer's message this turn actually contains them; fields the rules already know are never replaced.
/// </summary>
/// <remarks>Pure and thread-safe. A field that fails is dropped silently: the rules go on asking for it.</remarks>
public static partial class CustomerFieldFilter
{
    /// <summary>Merges the confirmed fields into the delivery data.</summary>
    /// <param name="proposed">The fields the model read.</param>
    /// <param name="message">This turn's customer message text.</param>
    /// <param name="current">The delivery data the rules hold.</param>
    /// <returns>The merged data; <paramref name="current"/> itself when nothing was accepted.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static DeliveryData Merge(ProposedCustomer proposed, string message, DeliveryData current)
    {
        ArgumentNullException.ThrowIfNull(proposed);
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(current);
        var phone = current.Phone is null ? Phone(proposed.Phone, message) : null;
        var city = current.City is null ? City(proposed.City, message) : null;
        var branch = current.Branch is null ? Branch(proposed.Branch, message) : null;
        var name = current.FullName is null ? Name(proposed.FullName, message) : null;
        return phone is null && city is null && branch is null && name is null ? current : current.Merge(name, phone, city, branch);
    }

    private static string? Phone(string? value, string message)
    {
        if (!Rules.Customer.Phone.TryNormalize(value, out var normalized))
        {
            return null;
        }

        // The nine national digits must appear in the message, however the customer grouped them.
        var digits = new string([.. message.Where(char.IsAsciiDigit)]);
        return digits.Contains(normalized[4..], StringComparison.Ordinal) ? normalized : null;
    }

    private static string? City(string? value, string message)
    {
        if (string.IsNullOrWhiteSpace(value) || CustomerDataExtractor.Default.Extract(value).City is not { } city)
        {
            return null;
        }

        var named = message.Contains(value.Trim(), StringComparison.OrdinalIgnoreCase)
            || message.Contains(city, StringComparison.OrdinalIgnoreCase)
            || CustomerDataExtractor.Default.Extract(message).City == city;
        return named ? city : null;
    }

    private static string? Branch(string? value, string message)
    {
        var trimmed = value?.Trim();
        return trimmed is not null && BranchNumber().IsMatch(trimmed) && Regex.IsMatch(message, $@"(?<!\d){trimmed}(?!\d)", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1))
            ? trimmed
            : null;
    }

    private static string? Name(string? value, string message)
    {
        var trimmed = value?.Trim();
        return trimmed is not null
            && CustomerDataExtractor.Default.Extract(trimmed).FullName == trimmed
            && message.Contains(trimmed, StringComparison.OrdinalIgnoreCase)
            ? trimmed
            : null;
    }

    [GeneratedRegex("^[0-9]{1,5}$", RegexOptions.CultureInvariant)]
    private static partial Regex BranchNumber();
}
