using Mirt.Graph.Execution;
using Mirt.Graph.State;
using Mirt.Nodes.Abstractions.Flow;
using Mirt.Nodes.Abstractions.State;
using Mirt.Nodes.Offer.Models;
using Mirt.Rules.Catalog;
using Mirt.Rules.Colors;
using Mirt.Rules.Domain;
using Mirt.Rules.Sizing;

namespace Mirt.Nodes.Offer;

/// <summary>
/// Picks the size from the child's height (the catalog grid rule) and the colour: lists fitting models when none
/// is chosen, lists colours when none is chosen, substitutes milk for white, and hands a full choice to the offer.
/// </summary>
public sealed class SizeColorNode : INode
{
    /// <inheritdoc />
    public ValueTask<NodeResult> InvokeAsync(NodeContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var shop = context.Shop();
        var profile = context.Get(SalesKeys.Profile);
        if (profile.HeightCm is not { } height || (profile.ProductId is null && profile.CategoryId is null))
        {
            // Reached without a height or a garment (for example a thread started mid-flow): discovery asks.
            return ValueTask.FromResult(NodeResult.Route(SalesNodes.Discovery, context.MoveTo(ConversationState.Discovery, DialogPhase.WaitingForNeeds)));
        }

        var candidates = profile.ProductId is { } id ? [shop.Catalog.FindById(id)!] : shop.Catalog.InCategory(profile.CategoryId!);
        var fitting = candidates
            .Select(p => (Product: p, Choice: SizePicker.Pick(p, shop.Catalog.Grid, height)))
            .Where(x => x.Choice.Outcome == SizeOutcome.Fits)
            .Select(x => (x.Product, Size: x.Choice.Size!))
            .ToList();
        List<StateWrite> writes = [];

        if (fitting.Count == 0)
        {
            writes.AddRange(context.Say(OfferTemplates.NoSizeForHeight, new HeightModel(height, shop.Catalog.Grid.MinHeightCm, shop.Catalog.Grid.MaxHeightCm)));
            writes.AddRange(context.HandOff(ConversationState.SizeColor, "NO_SIZE_FOR_HEIGHT"));
            return Done(writes);
        }

        if (fitting.Count > 1)
        {
            var models = fitting.Select(f => Sized(f.Product, f.Size)).ToList();
            writes.AddRange(context.Say(OfferTemplates.ProductsForHeight, new ProductsForHeightModel(height, models)));
            writes.Add(SalesKeys.Products.Set([.. fitting.Select(f => new ProductLine(null, f.Product.Name, f.Size.Label, null, f.Size.PriceUah))]));
            writes.AddRange(context.MoveTo(ConversationState.SizeColor, DialogPhase.WaitingForModel));
            return Done(writes);
        }

        var (product, size) = fitting[0];
        writes.Add(SalesKeys.Products.Set([new ProductLine(null, product.Name, size.Label, null, size.PriceUah)]));
        profile = profile with { ProductId = product.Id, CategoryId = product.CategoryId };
        var color = profile.Color ?? (product.Colors.Count == 1 ? product.Colors[0].Color : null);
        if (color is not null)
        {
            var resolution = ColorCatalog.Default.Resolve(product, color);
            if (resolution.Available)
            {
                profile = profile with { Color = resolution.Color, RequestedColor = resolution.IsSubstitute ? resolution.RequestedColor : null };
                writes.Add(SalesKeys.Profile.Set(profile));
                return ValueTask.FromResult(NodeResult.Route(SalesNodes.Offer, writes));
            }

            writes.AddRange(context.Say(OfferTemplates.ColorUnavailable, new SizeAndColorsModel(height, Sized(product, size), color, true)));
            profile = profile with { Color = null };
        }
        else
        {
            var sizeShown = context.Phase() == DialogPhase.WaitingForColor;
            writes.AddRange(context.Say(OfferTemplates.SizeAndColors, new SizeAndColorsModel(height, Sized(product, size), null, sizeShown)));
        }

        writes.Add(SalesKeys.Profile.Set(profile));
        writes.AddRange(context.MoveTo(ConversationState.SizeColor, DialogPhase.WaitingForColor));
        return Done(writes);
    }

    private static SizedProductModel Sized(Product product, ProductSize size) =>
        new(product.Name, size.Label, size.PriceUah, [.. product.Colors.Select(c => c.Color)]);

    private static ValueTask<NodeResult> Done(List<StateWrite> writes) => ValueTask.FromResult(NodeResult.Continue(writes));
}
