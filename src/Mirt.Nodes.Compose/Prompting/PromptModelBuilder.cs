using Mirt.Nodes.Abstractions.Flow;
using Mirt.Nodes.Abstractions.State;
using Mirt.Nodes.Compose.Prompting.Models;
using Mirt.Rules.Shop;

namespace Mirt.Nodes.Compose.Prompting;

/// <summary>
/// Turns a <see cref="ComposeInput"/> into the template model: catalog facts from the catalog, amounts from the
/// rules' payment calculator, delivery data as presence flags only.
/// </summary>
internal static class PromptModelBuilder
{
    public static LlmPromptModel Build(ComposeInput input, LlmReplyOptions options)
    {
        var shop = input.Shop;
        var profile = shop.Shop;
        var facts = new ShopFactsModel(profile.PersonaName, profile.ShopName, profile.AllowedEmoji, profile.PrepaymentUah, profile.CashOnDeliveryFeePercent, profile.CashOnDeliveryFeeFixedUah);
        var catalog = shop.Catalog.Products
            .Select(p => new CatalogProductModel(
                p.Name,
                p.CategoryName,
                p.UsesSingleSizes,
                [.. p.Sizes.Select(s => new SizePriceModel(s.Label, s.PriceUah))],
                [.. p.Colors.Select(c => new ColorSkuModel(c.Color, c.Sku))],
                p.Sizes.Select(s => s.PriceUah).Distinct().Count() == 1 ? p.Sizes[0].PriceUah : null))
            .ToList();
        var grid = shop.Catalog.Grid;
        var gridModel = new GridModel([.. grid.Sizes.Select(s => new GridSizeModel(s.Label, s.MaxHeightCm))], grid.MinHeightCm, grid.MaxHeightCm);
        return new LlmPromptModel(facts, catalog, gridModel, Turn(input), new LimitsModel(options.MaxBubbles, options.MaxBubbleBytes));
    }

    private static TurnModel Turn(ComposeInput input)
    {
        var turn = input.Turn;
        var shop = input.Shop;
        var selection = Selection.Resolve(shop, turn.Profile);
        var category = turn.Profile.CategoryId is { } id ? shop.Catalog.FindCategory(id)?.Name : null;
        var product = turn.Profile.ProductId is { } productId ? shop.Catalog.FindById(productId)?.Name : null;
        var profile = new ProfileModel(category, product, turn.Profile.HeightCm, selection?.Size.Label, turn.Profile.Color, turn.Profile.RequestedColor);
        var delivery = turn.Delivery;
        return new TurnModel(
            turn.State,
            turn.Phase,
            turn.Intent,
            turn.HasImage,
            turn.GreetingAdded,
            profile,
            [.. turn.Products.Select(p => new ProductLineModel(p.Sku, p.Name, p.Size, p.Color, p.PriceUah))],
            new DeliveryFieldsModel(delivery.FullName is not null, delivery.Phone is not null, delivery.City is not null, delivery.Branch is not null),
            Payment(shop.Shop, turn, selection),
            turn.Order is { } order ? new OrderModel(OrderNumber(order), order.TotalUah, order.DueNowUah) : null,
            turn.Escalation is { } escalation ? $"{escalation.Level} {escalation.Reason}" : null,
            turn.Draft);
    }

    /// <summary>Gets the order number the customer sees, as the payment node writes it.</summary>
    public static string OrderNumber(OrderRecord order) => order.Key[..Math.Min(8, order.Key.Length)].ToUpperInvariant();

    private static PaymentModel? Payment(ShopProfile shop, TurnSummary turn, Selection? selection)
    {
        if (turn.PaymentMethod is null || !Enum.TryParse<PaymentOption>(turn.PaymentMethod, out var option))
        {
            return null;
        }

        var total = turn.Order?.TotalUah ?? selection?.Size.PriceUah;
        if (total is not > 0m)
        {
            return null;
        }

        var quote = PaymentCalculator.Quote(shop, total.Value, option);
        return new PaymentModel(option == PaymentOption.FullPrepayment, quote.TotalUah, quote.DueNowUah, quote.CashOnDeliveryUah, quote.CarrierFeeUah);
    }
}
