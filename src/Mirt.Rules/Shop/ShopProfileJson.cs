namespace Mirt.Rules.Shop;

/// <summary>
/// Mirrors <c>Data/shop.json</c> (snake_case field names); every field may be missing, the loader reports it.
/// </summary>
internal sealed record ShopProfileJson(
    string? PersonaName,
    string? ShopName,
    IReadOnlyList<string>? AllowedEmoji,
    RequisitesJson? Requisites,
    decimal? PrepaymentUah,
    CashOnDeliveryFeeJson? CashOnDeliveryFee,
    int? MaxReplyChars);
