using Mirt.Graph.Execution;
using Mirt.Graph.State;
using Mirt.Nodes.Abstractions.Flow;
using Mirt.Nodes.Abstractions.State;
using Mirt.Nodes.Offer.Models;
using Mirt.Rules.Colors;
using Mirt.Rules.Domain;
using Mirt.Rules.Sizing;

namespace Mirt.Nodes.Offer;

/// <summary>
/// Finds out what is wanted: reads category, model, height and colour from the message into the profile, asks for
/// what is missing, and hands over to size-and-colour once a height is known.
/// </summary>
public sealed class DiscoveryNode : INode
{
    /// <inheritdoc />
    public ValueTask<NodeResult> InvokeAsync(NodeContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var shop = context.Shop();
        var profile = ProfileReader.Update(context, context.Get(SalesKeys.Profile));
        List<StateWrite> writes = [SalesKeys.Profile.Set(profile)];

        var grid = shop.Catalog.Grid;
        if (profile.HeightCm is { } height && (height < grid.MinHeightCm || height > grid.MaxHeightCm))
        {
            writes.AddRange(context.Say(OfferTemplates.HeightOutOfGrid, new HeightModel(height, grid.MinHeightCm, grid.MaxHeightCm)));
            writes.AddRange(context.HandOff(ConversationState.Discovery, "HEIGHT_OUT_OF_GRID"));
            writes.Add(SalesKeys.Profile.Set(profile with { HeightCm = null }));
            return Done(writes);
        }

        if (profile.CategoryId is null && profile.ProductId is null)
        {
            var categories = shop.Catalog.Products.Select(p => p.CategoryName).Distinct().ToList();
            writes.AddRange(context.Say(OfferTemplates.AskNeeds, new NeedsModel(categories)));
            writes.AddRange(context.MoveTo(ConversationState.Discovery, DialogPhase.WaitingForNeeds));
            return Done(writes);
        }

        if (profile.HeightCm is null)
        {
            var products = profile.ProductId is { } id
                ? [shop.Catalog.FindById(id)!]
                : shop.Catalog.InCategory(profile.CategoryId!);
            var model = new CategoryModel(products[0].CategoryName, [.. products.Select(PriceRange)]);
            writes.AddRange(context.Say(OfferTemplates.AskHeight, model));
            writes.AddRange(context.MoveTo(ConversationState.Discovery, DialogPhase.WaitingForHeight));
            return Done(writes);
        }

        return ValueTask.FromResult(NodeResult.Route(SalesNodes.SizeColor, writes));
    }

    private static PriceRangeModel PriceRange(Rules.Catalog.Product product) => new(
        product.Name,
        product.Sizes.Min(s => s.PriceUah),
        product.Sizes.Max(s => s.PriceUah),
        [.. product.Colors.Select(c => c.Color)]);

    private static ValueTask<NodeResult> Done(List<StateWrite> writes) => ValueTask.FromResult(NodeResult.Continue(writes));
}
