using Mirt.Nodes.Abstractions.Replies;

namespace Mirt.Sales.Delivery;

/// <summary>
/// Declares the texts the host sends around turns rather than from them: the acknowledgement when a turn misses the
/// inline deadline, the interim bubble while it still runs, the apology when it keeps failing, and follow-ups to silent
/// customers. Like every text the bot says, they live in <c>prompts/</c> (under <c>delivery/</c>).
/// </summary>
public static class DeliveryTemplates
{
    /// <summary>Gets the inline acknowledgement of a text message whose turn missed the deadline.</summary>
    public static readonly TemplateId<NoModel> Ack = new("delivery/ack");

    /// <summary>Gets the inline acknowledgement of a photo whose turn missed the (vision) deadline.</summary>
    public static readonly TemplateId<NoModel> AckPhoto = new("delivery/ack_photo");

    /// <summary>Gets the interim bubble pushed while a slow turn still runs.</summary>
    public static readonly TemplateId<NoModel> Interim = new("delivery/interim");

    /// <summary>Gets the apology sent when a turn failed every attempt and a manager takes over.</summary>
    public static readonly TemplateId<NoModel> TurnFailed = new("delivery/turn_failed");

    /// <summary>Gets the follow-up for a customer who went silent while choosing size and colour.</summary>
    public static readonly TemplateId<NoModel> FollowUpSizeColor = new("delivery/followup_size_color");

    /// <summary>Gets the follow-up for a customer who went silent after an offer.</summary>
    public static readonly TemplateId<NoModel> FollowUpOffer = new("delivery/followup_offer");

    /// <summary>Gets the follow-up for a customer who went silent while giving delivery data or paying.</summary>
    public static readonly TemplateId<NoModel> FollowUpPayment = new("delivery/followup_payment");

    /// <summary>Gets every template above.</summary>
    public static IReadOnlyList<ITemplateId> All { get; } =
        [Ack, AckPhoto, Interim, TurnFailed, FollowUpSizeColor, FollowUpOffer, FollowUpPayment];

    /// <summary>Finds the follow-up template of a conversation state.</summary>
    /// <param name="state">The state, for example <c>STATE_4_OFFER</c>.</param>
    /// <returns>The template, or <see langword="null"/> when the state gets no follow-up text.</returns>
    public static TemplateId<NoModel>? FollowUpFor(string state) => state switch
    {
        "STATE_3_SIZE_COLOR" => FollowUpSizeColor,
        "STATE_4_OFFER" => FollowUpOffer,
        "STATE_5_PAYMENT_DELIVERY" => FollowUpPayment,
        _ => null,
    };
}
