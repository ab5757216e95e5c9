namespace Mirt.Rules.Shop;

/// <summary>
/// Describes the shop the bot speaks for: persona, tone limits, requisites and payment terms
/// (see <c>shared/DOMAIN.md</c>, Persona and tone, Payment; the values live in <c>Data/shop.json</c>).
/// </summary>
/// <remarks>Immutable and thread-safe. Create it with <see cref="ShopProfileLoader"/>, which validates it.</remarks>
public sealed record ShopProfile
{
    /// <summary>Gets the name of the human manager the bot speaks as («Sofiia» in the shop's data).</summary>
    public required string PersonaName { get; init; }

    /// <summary>Gets the shop's name.</summary>
    public required string ShopName { get; init; }

    /// <summary>Gets the emoji a reply may use; any other emoji is removed.</summary>
    public required IReadOnlyList<string> AllowedEmoji { get; init; }

    /// <summary>Gets the bank requisites for prepayment.</summary>
    public required PaymentRequisites Requisites { get; init; }

    /// <summary>Gets the prepayment in UAH for the prepayment-and-cash-on-delivery option (200 UAH in the shop's data).</summary>
    public required decimal PrepaymentUah { get; init; }

    /// <summary>Gets the carrier's cash-on-delivery fee as a percentage of the collected amount (2 % in the shop's data).</summary>
    public required decimal CashOnDeliveryFeePercent { get; init; }

    /// <summary>Gets the carrier's fixed cash-on-delivery fee in UAH added to the percentage (20 UAH in the shop's data).</summary>
    public required decimal CashOnDeliveryFeeFixedUah { get; init; }

    /// <summary>Gets the longest reply in characters (900 in the shop's data).</summary>
    public required int MaxReplyChars { get; init; }
}
