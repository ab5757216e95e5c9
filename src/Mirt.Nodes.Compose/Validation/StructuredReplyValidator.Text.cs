using System.Globalization;
using System.Text;
using Mirt.Nodes.Compose.Contract;
using Mirt.Rules.Text;

namespace Mirt.Nodes.Compose.Validation;

/// <summary>The checks on the bubbles' text: count, size, form, prices, exact facts, language and leaks.</summary>
public static partial class StructuredReplyValidator
{
    private static readonly string[] Markdown = ["**", "__", "```", "](", "\n#", "\n- [", "\n* "];

    private static void CheckBubbles(IReadOnlyList<string> bubbles, ReplyValidationContext context, List<ReplyError> errors)
    {
        if (bubbles.Count > context.MaxBubbles)
        {
            errors.Add(new(ReplyRules.Bubbles, string.Create(CultureInfo.InvariantCulture, $"The reply has {bubbles.Count} bubbles but may have at most {context.MaxBubbles}; join or shorten them.")));
        }

        for (var i = 0; i < bubbles.Count; i++)
        {
            var bubble = bubbles[i];
            var bytes = Encoding.UTF8.GetByteCount(bubble);
            if (string.IsNullOrWhiteSpace(bubble))
            {
                errors.Add(Bubble(i, "is empty; remove it or write the text."));
            }
            else if (bytes > context.MaxBubbleBytes)
            {
                errors.Add(Bubble(i, $"is {bytes} UTF-8 bytes, over the limit of {context.MaxBubbleBytes}; split it into shorter bubbles."));
            }

            if (Markdown.Any(m => ("\n" + bubble).Contains(m, StringComparison.Ordinal)))
            {
                errors.Add(Bubble(i, "uses Markdown; Instagram shows it as raw symbols, write plain text."));
            }
        }
    }

    private static void CheckPrices(StructuredReply reply, ReplyValidationContext context, List<ReplyError> errors)
    {
        var allowed = new HashSet<decimal>(context.AllowedAmounts);
        var catalog = context.Shop.Catalog;
        var named = reply.Replies.SelectMany(b => context.Shop.Matcher.FindModels(TokenizedText.From(b)));
        var proposed = reply.Products.Select(p => catalog.FindBySku(p.Sku)).OfType<Rules.Catalog.Product>();
        foreach (var product in named.Concat(proposed).Distinct())
        {
            allowed.UnionWith(ProductCheck.PricesFor(product, catalog.Grid, context.HeightCm));
        }

        for (var i = 0; i < reply.Replies.Count; i++)
        {
            foreach (var (amount, text) in PriceMentions.Find(reply.Replies[i]).Where(p => !allowed.Contains(p.Amount)).DistinctBy(p => p.Amount))
            {
                var known = string.Join(", ", allowed.Order().Take(12).Select(a => a.ToString("0.##", CultureInfo.InvariantCulture)));
                errors.Add(new(ReplyRules.Price, string.Create(CultureInfo.InvariantCulture, $"Bubble {i + 1} names the amount \"{text}\" ({amount}), which is neither a catalog price of a product in this conversation nor a payment amount; never invent or round prices (amounts in play: {known}).")));
            }
        }
    }

    private static void CheckFacts(IReadOnlyList<string> bubbles, IReadOnlyList<string> facts, List<ReplyError> errors)
    {
        var text = Collapse(string.Join('\n', bubbles));
        foreach (var fact in facts.Where(f => !text.Contains(Collapse(f), StringComparison.Ordinal)))
        {
            errors.Add(new(ReplyRules.Facts, $"The reply must repeat \"{fact}\" exactly as the draft has it (payment requisites and order numbers are copied, never retyped)."));
        }
    }

    private static void CheckText(IReadOnlyList<string> bubbles, ReplyValidationContext context, List<ReplyError> errors)
    {
        var shop = context.Shop;
        var latin = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        latin.UnionWith(shop.Catalog.Products.SelectMany(p => p.Colors.Select(c => c.Sku)));
        latin.UnionWith(LanguageCheck.Words(shop.Shop.ShopName + " " + shop.Shop.PersonaName));
        latin.UnionWith(context.Draft.SelectMany(LanguageCheck.Words));
        var emoji = shop.Shop.AllowedEmoji.Select(LanguageCheck.NormalizeEmoji).ToHashSet(StringComparer.Ordinal);
        var draftRuns = context.Draft.SelectMany(LeakCheck.Runs).ToHashSet(StringComparer.Ordinal);
        var instructionRuns = LeakCheck.Runs(context.InstructionText).Where(r => !draftRuns.Contains(r)).ToHashSet(StringComparer.Ordinal);
        for (var i = 0; i < bubbles.Count; i++)
        {
            LanguageCheck.Check(i, bubbles[i], latin, emoji, errors);
            LeakCheck.Check(i, bubbles[i], context.TemplateNames, instructionRuns, errors);
        }
    }

    private static string Collapse(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static ReplyError Bubble(int index, string message) =>
        new(ReplyRules.Bubbles, string.Create(CultureInfo.InvariantCulture, $"Bubble {index + 1} {message}"));
}
