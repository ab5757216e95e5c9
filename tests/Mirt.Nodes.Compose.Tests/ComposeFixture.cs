using System.Text.Json;
using Mirt.Nodes.Abstractions.Flow;
using Mirt.Nodes.Abstractions.Replies;
using Mirt.Nodes.Compose.Contract;
using Mirt.Nodes.Compose.Prompting;
using Mirt.Nodes.Compose.Validation;
using Mirt.Prompts;
using Mirt.Rules.Catalog;
using Mirt.Rules.Shop;
using Mirt.Testing;

namespace Mirt.Nodes.Compose.Tests;

/// <summary>The repository's catalog, shop profile and prompts/llm templates, and short ways to write model answers.</summary>
internal static class ComposeFixture
{
    public const string Offer = "STATE_4_OFFER";
    public const string Payment = "STATE_5_PAYMENT_DELIVERY";

    /// <summary>The offer draft the rules render for a pink «Anna» dress in 110-116 (one bubble).</summary>
    public const string OfferDraft = "Чудовий вибір! Отже:\nСукня «Анна», колір рожевий, розмір 110-116 — 2 050 грн.\nОформлюємо замовлення?";

    // Models answer with plain UTF-8, not \u escapes; the answers here read the same way.
    private static readonly JsonSerializerOptions Readable = new(StructuredReplySchema.SerializerOptions)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static readonly ShopData Shop = new(CatalogLoader.LoadDefault(), ShopProfileLoader.LoadDefault());

    private static readonly Lazy<IReplyRenderer> LazyRenderer = new(() => new LibraryRenderer(RepoPaths.Prompts));

    public static IReplyRenderer Renderer => LazyRenderer.Value;

    /// <summary>The sales machine's moves this test project needs: offer to payment, and anything to a complaint.</summary>
    public static readonly PermittedTransition CanMove = (from, to) =>
        (from == Offer && to == Payment) || to == "STATE_8_COMPLAINT" || to == "STATE_1_DISCOVERY";

    public static ReplyValidationContext OfferContext(int? heightCm = 118) =>
        new(Shop, Offer, CanMove, heightCm, [OfferDraft]) { AllowedAmounts = [2050m, 200m, 20m] };

    public static string Answer(
        IReadOnlyList<string> replies,
        string state = Offer,
        string intent = "DISCOVERY_OR_QUESTION",
        IReadOnlyList<ProposedProduct>? products = null,
        ProposedCustomer? customer = null,
        ProposedEscalation? escalation = null,
        double confidence = 0.9) =>
        JsonSerializer.Serialize(
            new StructuredReply(replies, state, intent, products ?? [], customer ?? ProposedCustomer.Empty, escalation, confidence),
            Readable);

    /// <summary>Renders the llm/ templates of a prompts directory through the prompt engine.</summary>
    public sealed class LibraryRenderer(string directory) : IReplyRenderer
    {
        private readonly PromptLibrary _library = PromptLibrary.Load(directory, LlmTemplates.All.Select(t => new TemplateDescriptor(t.Name, t.ModelType)));

        public string Render<TModel>(TemplateId<TModel> template, TModel model)
            where TModel : notnull => _library.Render(template.Name, model);
    }
}
