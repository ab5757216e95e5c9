using System.Globalization;
using Mirt.Graph.Execution;
using Mirt.Nodes.Abstractions.Flow;
using Mirt.Nodes.Abstractions.Replies;
using Mirt.Nodes.Abstractions.State;
using Mirt.Nodes.Compose.Prompting;
using Mirt.Nodes.Compose.Validation;
using Mirt.Rules.Shop;

namespace Mirt.Nodes.Compose;

/// <summary>
/// Reads the turn the rule flow produced: its summary for the prompt and the facts a model answer is checked against.
/// </summary>
internal static class TurnFacts
{
    public static TurnSummary Summarize(NodeContext context, int maxBubbleBytes)
    {
        var message = context.Message();
        var draft = context.Get(SalesKeys.Replies).SelectMany(r => BubbleSplitter.Split(r, maxBubbleBytes)).Where(b => b.Length > 0).ToList();
        var today = context.Time.GetUtcNow().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return new TurnSummary(
            context.Get(SalesKeys.State),
            context.Get(SalesKeys.Phase),
            context.Intent().Value,
            context.Get(SalesKeys.Profile),
            context.Get(SalesKeys.Products),
            context.Get(SalesKeys.Delivery),
            context.Get(SalesKeys.PaymentMethod),
            context.Get(SalesKeys.Order),
            context.Get(SalesKeys.Escalation),
            draft,
            context.Get(SalesKeys.Templates))
        {
            // The reply node puts the day's greeting line first unless a greeting was said today.
            GreetingAdded = context.Get(SalesKeys.LastGreetedOn) != today,
            HasImage = message.HasImage,
        };
    }

    public static ReplyValidationContext ForValidation(ComposeInput input, ComposedPrompt prompt, ComposeServices services, IReadOnlyList<string> knownTemplates)
    {
        var turn = input.Turn;
        var shop = input.Shop;
        var draftText = string.Join('\n', turn.Draft);
        return new ReplyValidationContext(shop, turn.State, services.CanMove, turn.Profile.HeightCm, turn.Draft)
        {
            AllowedAmounts = Amounts(input),
            ProtectedFacts = [.. Protected(shop.Shop, turn).Where(f => draftText.Contains(f, StringComparison.Ordinal))],
            TemplateNames = [.. knownTemplates.Concat(prompt.Templates).Concat(turn.DraftTemplates).Distinct(StringComparer.Ordinal)],
            InstructionText = prompt.InstructionText,
            MaxBubbles = services.Options.MaxBubbles,
            MaxBubbleBytes = services.Options.MaxBubbleBytes,
        };
    }

    private static HashSet<decimal> Amounts(ComposeInput input)
    {
        var turn = input.Turn;
        var shop = input.Shop;
        var amounts = new HashSet<decimal> { shop.Shop.PrepaymentUah, shop.Shop.CashOnDeliveryFeeFixedUah };
        amounts.UnionWith(turn.Draft.SelectMany(b => PriceMentions.Find(b)).Select(p => p.Amount));
        amounts.UnionWith(turn.Products.Select(p => p.PriceUah));
        if (turn.Profile.ProductId is { } id && shop.Catalog.FindById(id) is { } product)
        {
            amounts.UnionWith(ProductCheck.PricesFor(product, shop.Catalog.Grid, turn.Profile.HeightCm));
        }

        var total = turn.Order?.TotalUah ?? Selection.Resolve(shop, turn.Profile)?.Size.PriceUah;
        if (total is > 0m)
        {
            foreach (var option in Enum.GetValues<PaymentOption>())
            {
                var quote = PaymentCalculator.Quote(shop.Shop, total.Value, option);
                amounts.UnionWith([quote.DueNowUah, quote.CashOnDeliveryUah, quote.CarrierFeeUah, quote.TotalUah, quote.CustomerPaysUah]);
            }
        }

        if (turn.Order is { } order)
        {
            amounts.UnionWith([order.TotalUah, order.DueNowUah]);
        }

        amounts.Remove(0m);
        return amounts;
    }

    private static IEnumerable<string> Protected(ShopProfile shop, TurnSummary turn)
    {
        var requisites = shop.Requisites;
        IEnumerable<string> facts = [requisites.Recipient, requisites.Iban, requisites.TaxId, requisites.PaymentPurpose];
        return turn.Order is { } order ? facts.Append(PromptModelBuilder.OrderNumber(order)) : facts;
    }
}
