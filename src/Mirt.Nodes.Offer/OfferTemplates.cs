using Mirt.Nodes.Abstractions.Replies;
using Mirt.Nodes.Offer.Models;

namespace Mirt.Nodes.Offer;

/// <summary>
/// Declares the templates of discovery, size-and-colour, offer and upsell.
/// </summary>
public static class OfferTemplates
{
    /// <summary>Gets the question about what the customer is looking for.</summary>
    public static readonly TemplateId<NeedsModel> AskNeeds = new("discovery/ask_needs");

    /// <summary>Gets the question about the child's height, with the matching models.</summary>
    public static readonly TemplateId<CategoryModel> AskHeight = new("discovery/ask_height");

    /// <summary>Gets the answer to a height outside the size grid (hand-off).</summary>
    public static readonly TemplateId<HeightModel> HeightOutOfGrid = new("discovery/height_out_of_grid");

    /// <summary>Gets the answer when no model of the category comes in the child's size.</summary>
    public static readonly TemplateId<HeightModel> NoSizeForHeight = new("size/no_size_for_height");

    /// <summary>Gets the list of models with size and price for the child's height.</summary>
    public static readonly TemplateId<ProductsForHeightModel> ProductsForHeight = new("size/products_for_height");

    /// <summary>Gets the size for the height of one model and its colours.</summary>
    public static readonly TemplateId<SizeAndColorsModel> SizeAndColors = new("size/size_and_colors");

    /// <summary>Gets the answer that a colour is not available, with the ones that are.</summary>
    public static readonly TemplateId<SizeAndColorsModel> ColorUnavailable = new("size/color_unavailable");

    /// <summary>Gets the concrete offer.</summary>
    public static readonly TemplateId<OfferModel> Made = new("offer/made");

    /// <summary>Gets the reminder of the open offer (price question or unclear answer).</summary>
    public static readonly TemplateId<OfferModel> Reminder = new("offer/reminder");

    /// <summary>Gets the answer to a declined offer.</summary>
    public static readonly TemplateId<NoModel> Declined = new("offer/declined");

    /// <summary>Gets the one upsell after the order.</summary>
    public static readonly TemplateId<UpsellModel> UpsellOffer = new("upsell/offer");

    /// <summary>Gets the answer to an accepted upsell.</summary>
    public static readonly TemplateId<NoModel> UpsellAccepted = new("upsell/accepted");

    /// <summary>Gets the polite close after a declined upsell.</summary>
    public static readonly TemplateId<NoModel> UpsellDeclined = new("upsell/declined");

    /// <summary>Gets every template above.</summary>
    public static IReadOnlyList<ITemplateId> All { get; } =
    [
        AskNeeds, AskHeight, HeightOutOfGrid, NoSizeForHeight, ProductsForHeight, SizeAndColors, ColorUnavailable,
        Made, Reminder, Declined, UpsellOffer, UpsellAccepted, UpsellDeclined,
    ];
}
