using Mirt.Graph.State;

namespace Mirt.Nodes.Abstractions.State;

/// <summary>
/// Declares every state channel of the sales conversation; node assemblies share these keys and nothing else.
/// </summary>
public static class SalesKeys
{
    /// <summary>Gets the message of this turn.</summary>
    public static readonly StateKey<CustomerMessage?> Message = new("message", null, StateKeyLifetime.Turn);

    /// <summary>Gets the intent detected in this turn's message (wire name).</summary>
    public static readonly StateKey<string?> Intent = new("intent", null, StateKeyLifetime.Turn);

    /// <summary>Gets the conversation state (wire name, for example <c>STATE_4_OFFER</c>).</summary>
    public static readonly StateKey<string> State = new("state", "STATE_0_INIT");

    /// <summary>Gets the dialog phase where the next message resumes.</summary>
    public static readonly StateKey<string> Phase = new("phase", "NEW");

    /// <summary>Gets what the customer wants.</summary>
    public static readonly StateKey<SalesProfile> Profile = new("profile", SalesProfile.Empty);

    /// <summary>Gets the delivery data collected so far.</summary>
    public static readonly StateKey<DeliveryData> Delivery = new("delivery", DeliveryData.Empty);

    /// <summary>Gets the chosen payment option (wire name), or <see langword="null"/>.</summary>
    public static readonly StateKey<string?> PaymentMethod = new("payment_method", null);

    /// <summary>Gets the order, once created.</summary>
    public static readonly StateKey<OrderRecord?> Order = new("order", null);

    /// <summary>Gets whether the one upsell of the conversation was offered already.</summary>
    public static readonly StateKey<bool> UpsellOffered = new("upsell_offered", false);

    /// <summary>Gets the day (UTC, <c>yyyy-MM-dd</c>) the customer was last greeted; the greeting shows once a day.</summary>
    public static readonly StateKey<string?> LastGreetedOn = new("last_greeted_on", null);

    /// <summary>
    /// Gets what the vision model made of the photos of this conversation, newest last, by image hash; a photo sent
    /// again is answered from here without a model call. The vision node keeps the list short (see its options).
    /// </summary>
    public static readonly StateKey<IReadOnlyList<PhotoVerdict>> Photos = new("photos", []);

    /// <summary>Gets the reply bubbles of this turn, in order; writes append.</summary>
    public static readonly StateKey<IReadOnlyList<string>> Replies =
        new("replies", [], (current, added) => [.. current, .. added], StateKeyLifetime.Turn);

    /// <summary>Gets the products shown or sold in this turn.</summary>
    public static readonly StateKey<IReadOnlyList<ProductLine>> Products = new("products", [], StateKeyLifetime.Turn);

    /// <summary>Gets the escalation raised in this turn, or <see langword="null"/>.</summary>
    public static readonly StateKey<Escalation?> Escalation = new("escalation", null, StateKeyLifetime.Turn);

    /// <summary>Gets the names of the templates rendered this turn, in order (for golden flows and logs); writes append.</summary>
    public static readonly StateKey<IReadOnlyList<string>> Templates =
        new("templates", [], (current, added) => [.. current, .. added], StateKeyLifetime.Turn);

    /// <summary>Gets why this turn is degraded (see <see cref="DegradedReasons"/>): the first node whose model was
    /// missing or failed says why (the vision model, or the compose node keeping the rule-only draft), later nodes keep
    /// that reason. <see langword="null"/> when every model call of the turn succeeded, or the turn never reached a
    /// model (a moderation block is canned on purpose).</summary>
    public static readonly StateKey<string?> DegradedReason = new("degraded_reason", null, StateKeyLifetime.Turn);

    /// <summary>Gets how many model answers failed validation this turn, summed over the nodes that call a model
    /// (counted as validation errors).</summary>
    public static readonly StateKey<int> ModelRejections = new("model_rejections", 0, StateKeyLifetime.Turn);

    /// <summary>
    /// Gets the whole conversation transcript, oldest first; writes append. Stored in segments (see
    /// <see cref="LogKey"/>), so a turn writes only the last segment however long the conversation is. What a model
    /// is shown is trimmed separately when it is read.
    /// </summary>
    public static readonly StateKey<IReadOnlyList<TranscriptEntry>> Transcript = LogKey.Create<TranscriptEntry>("transcript");

    /// <summary>Gets every key above, for the graph's schema.</summary>
    public static IReadOnlyList<StateKey> All { get; } =
    [
        Message, Intent, State, Phase, Profile, Delivery, PaymentMethod, Order, UpsellOffered, LastGreetedOn, Photos, Replies,
        Products, Escalation, Templates, DegradedReason, ModelRejections, Transcript,
    ];
}
