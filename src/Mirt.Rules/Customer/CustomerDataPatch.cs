namespace Mirt.Rules.Customer;

/// <summary>
/// Holds the delivery data found in one customer message; the dialog merges patches until all four fields are known
/// (see <c>shared/DOMAIN.md</c>, Delivery).
/// </summary>
/// <param name="FullName">The surname, name and optional patronymic as written, or <see langword="null"/>.</param>
/// <param name="Phone">The phone as <c>+380XXXXXXXXX</c>, or <see langword="null"/>.</param>
/// <param name="City">The Ukrainian canonical city name (Russian spellings mapped, Kiev → Kyiv), or <see langword="null"/>.</param>
/// <param name="Branch">The Nova Poshta branch or parcel-locker number, digits only, or <see langword="null"/>.</param>
public sealed record CustomerDataPatch(string? FullName, string? Phone, string? City, string? Branch)
{
    /// <summary>Gets a patch that holds nothing.</summary>
    public static CustomerDataPatch Empty { get; } = new(null, null, null, null);

    /// <summary>Gets a value indicating whether the patch holds no field at all.</summary>
    public bool IsEmpty => FullName is null && Phone is null && City is null && Branch is null;
}
