using Mirt.Graph.Execution;
using Mirt.Nodes.Abstractions.Flow;
using Mirt.Nodes.Abstractions.State;
using Mirt.Rules.Colors;
using Mirt.Rules.Domain;
using Mirt.Rules.Sizing;

namespace Mirt.Nodes.Offer;

/// <summary>
/// Reads the customer's wishes from one message into the sales profile: a named model wins over a category,
/// a new category forgets the old model and colour, and a height or colour named now replaces the old one.
/// </summary>
internal static class ProfileReader
{
    public static SalesProfile Update(NodeContext context, SalesProfile profile)
    {
        var text = context.Text();
        var shop = context.Shop();
        var models = shop.Matcher.FindModels(text);
        var category = shop.Matcher.FindCategory(text);
        if (models.Count == 1)
        {
            var model = models[0];
            profile = profile with { ProductId = model.Id, CategoryId = model.CategoryId };
        }
        else if (models.Count > 1)
        {
            profile = profile with { ProductId = null, CategoryId = models[0].CategoryId };
        }
        else if (category is not null && category != profile.CategoryId)
        {
            profile = profile with { CategoryId = category, ProductId = null, Color = null, RequestedColor = null };
        }

        if (profile.ProductId is null && profile.CategoryId is { } categoryId && shop.Catalog.InCategory(categoryId) is [var only])
        {
            profile = profile with { ProductId = only.Id };
        }

        var phase = context.Phase();
        var expectingHeight = phase == DialogPhase.WaitingForHeight || (profile.HeightCm is null && profile.CategoryId is not null);
        if (HeightExtractor.ExtractHeightCm(text, expectingHeight) is { } height)
        {
            profile = profile with { HeightCm = height };
        }

        var colors = ColorCatalog.Default.FindMentioned(text);
        if (colors.Count > 0)
        {
            profile = profile with { Color = colors[0], RequestedColor = null };
        }

        return profile;
    }
}
