namespace Mirt.Nodes.Compose.Prompting.Models;

/// <summary>
/// Gives prompt templates the shop's persona and payment terms (values from the shop profile).
/// </summary>
/// <param name="PersonaName">The manager the bot speaks as.</param>
/// <param name="ShopName">The shop's name.</param>
/// <param name="AllowedEmoji">The emoji a reply may use.</param>
/// <param name="PrepaymentUah">The prepayment of the prepayment-and-cash-on-delivery option, in UAH.</param>
/// <param name="CarrierFeePercent">The carrier's cash-on-delivery fee, in percent of the collected amount.</param>
/// <param name="CarrierFeeFixedUah">The carrier's fixed cash-on-delivery fee, in UAH.</param>
public sealed record ShopFactsModel(
    string PersonaName,
    string ShopName,
    IReadOnlyList<string> AllowedEmoji,
    decimal PrepaymentUah,
    decimal CarrierFeePercent,
    decimal CarrierFeeFixedUah);
