using System.Text.Json;
using Mirt.Nodes.Abstractions.Flow;
using Mirt.Nodes.Abstractions.State;
using Mirt.Rules.Domain;

namespace Mirt.Nodes.Compose.Prompting;

/// <summary>
/// Makes <see cref="ComposeInput"/>s without running the graph, for prompt authors' tools (<c>mirt prompts render</c>):
/// a built-in sample per state, or a JSON sample file.
/// </summary>
/// <remarks>A sample file is JSON with camelCase names: <c>{"turn": TurnSummary, "transcript": [TranscriptEntry],
/// "message": CustomerMessage}</c>; <c>transcript</c> and <c>message</c> may be left out. Thread-safe.</remarks>
public static class ComposeSample
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Builds a sample turn in a state from the catalog: from the offer on, the first model in its first colour
    /// for a child of the first size's largest height; in payment, the name and phone known; an empty draft.</summary>
    /// <param name="shop">The shop data.</param>
    /// <param name="state">The conversation state's wire name, for example <c>STATE_4_OFFER</c>.</param>
    /// <returns>The input.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="state"/> is not a conversation state.</exception>
    public static ComposeInput For(ShopData shop, string state)
    {
        ArgumentNullException.ThrowIfNull(shop);
        ArgumentNullException.ThrowIfNull(state);
        _ = LlmTemplates.ForState(state);
        var product = shop.Catalog.Products[0];
        var chosen = state is "STATE_4_OFFER" or "STATE_5_PAYMENT_DELIVERY" or "STATE_6_UPSELL" or "STATE_7_END";
        var profile = chosen
            ? new SalesProfile(product.CategoryId, product.Id, product.Sizes[0].MaxHeightCm, product.Colors[0].Color, null)
            : SalesProfile.Empty;
        var products = chosen && Selection.Resolve(shop, profile) is { } selection ? new[] { selection.Line } : [];
        var delivery = state == ConversationState.PaymentDelivery.Value ? DeliveryData.Empty.Merge("-", "+380000000000", null, null) : DeliveryData.Empty;
        var turn = new TurnSummary(state, DialogPhase.WaitingForNeeds.Value, Intent.DiscoveryOrQuestion.Value, profile, products, delivery, null, null, null, [], []);
        return new ComposeInput(shop, turn, [], new CustomerMessage(string.Empty, null, null));
    }

    /// <summary>Reads a sample file's JSON.</summary>
    /// <param name="shop">The shop data.</param>
    /// <param name="json">The sample, as described in the remarks.</param>
    /// <returns>The input.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="JsonException">The JSON is broken or has no <c>turn</c>.</exception>
    public static ComposeInput Parse(ShopData shop, string json)
    {
        ArgumentNullException.ThrowIfNull(shop);
        ArgumentNullException.ThrowIfNull(json);
        var file = JsonSerializer.Deserialize<SampleFile>(json, Json) ?? throw new JsonException("The sample is empty; give at least {\"turn\": {...}}.");
        var turn = file.Turn ?? throw new JsonException("The sample has no \"turn\"; give the state summary (state, phase, intent, profile, draft...).");

        // Fields left out of a hand-written sample read as empty, not null.
        turn = turn with
        {
            Phase = turn.Phase ?? DialogPhase.WaitingForNeeds.Value,
            Intent = turn.Intent ?? Intent.UnknownOrEmpty.Value,
            Profile = turn.Profile ?? SalesProfile.Empty,
            Products = turn.Products ?? [],
            Delivery = turn.Delivery ?? DeliveryData.Empty,
            Draft = turn.Draft ?? [],
            DraftTemplates = turn.DraftTemplates ?? [],
        };
        return new ComposeInput(shop, turn, file.Transcript ?? [], file.Message ?? new CustomerMessage(string.Empty, null, null));
    }

    private sealed record SampleFile(TurnSummary? Turn, IReadOnlyList<TranscriptEntry>? Transcript, CustomerMessage? Message);
}
