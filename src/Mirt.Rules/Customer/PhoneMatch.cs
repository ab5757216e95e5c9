namespace Mirt.Rules.Customer;

/// <summary>
/// Locates one phone number inside a message.
/// </summary>
/// <param name="Start">The index of the first character of the number (a leading <c>+</c> included).</param>
/// <param name="End">The index just after the last digit.</param>
/// <param name="Normalized">The number as <c>+380XXXXXXXXX</c>.</param>
internal readonly record struct PhoneMatch(int Start, int End, string Normalized)
{
    public bool Contains(int index) => index >= Start && index < End;
}
