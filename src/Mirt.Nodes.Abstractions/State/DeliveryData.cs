namespace Mirt.Nodes.Abstractions.State;

/// <summary>
/// Holds the four Nova Poshta delivery fields the shop needs before it shows requisites (see DOMAIN.md, Delivery).
/// </summary>
/// <param name="FullName">Surname, name and optional patronymic.</param>
/// <param name="Phone">The phone normalised to <c>+380XXXXXXXXX</c>.</param>
/// <param name="City">The city, in its Ukrainian spelling.</param>
/// <param name="Branch">The branch or parcel-locker number, digits only.</param>
public sealed record DeliveryData(string? FullName, string? Phone, string? City, string? Branch)
{
    /// <summary>Gets delivery data with no field known.</summary>
    public static DeliveryData Empty { get; } = new(null, null, null, null);

    /// <summary>Gets a value indicating whether all four fields are known.</summary>
    public bool IsComplete => FullName is not null && Phone is not null && City is not null && Branch is not null;

    /// <summary>Gets a value indicating whether no field is known.</summary>
    public bool IsEmpty => FullName is null && Phone is null && City is null && Branch is null;

    /// <summary>Merges newly extracted fields; a new value replaces an old one (the customer corrected it).</summary>
    /// <param name="fullName">The new full name, or <see langword="null"/> to keep the old one.</param>
    /// <param name="phone">The new phone, or <see langword="null"/>.</param>
    /// <param name="city">The new city, or <see langword="null"/>.</param>
    /// <param name="branch">The new branch, or <see langword="null"/>.</param>
    /// <returns>The merged data.</returns>
    public DeliveryData Merge(string? fullName, string? phone, string? city, string? branch) =>
        new(fullName ?? FullName, phone ?? Phone, city ?? City, branch ?? Branch);
}
