namespace Mirt.Nodes.Compose.Contract;

/// <summary>
/// Holds the delivery data fields the model read in the customer's message; each is accepted only when the rules'
/// extractors confirm it (see <see cref="Applying.CustomerFieldFilter"/>).
/// </summary>
/// <param name="FullName">The recipient's surname, name and optional patronymic, or <see langword="null"/>.</param>
/// <param name="Phone">The phone number, or <see langword="null"/>.</param>
/// <param name="City">The city, or <see langword="null"/>.</param>
/// <param name="Branch">The Nova Poshta branch or parcel-locker number, or <see langword="null"/>.</param>
public sealed record ProposedCustomer(string? FullName, string? Phone, string? City, string? Branch)
{
    /// <summary>Gets a value with no field.</summary>
    public static ProposedCustomer Empty { get; } = new(null, null, null, null);
}
