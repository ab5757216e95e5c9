namespace Mirt.Delivery;

/// <summary>
/// Names why an outbox row exists (the <c>kind</c> column).
/// </summary>
public static class OutboxKind
{
    /// <summary>Gets the kind of a turn's reply bubble; answered inline by the webhook or pushed.</summary>
    public const string Reply = "reply";

    /// <summary>Gets the kind of the "one moment" bubble pushed while a slow turn still runs.</summary>
    public const string Interim = "interim";

    /// <summary>Gets the kind of a nudge to a silent customer.</summary>
    public const string FollowUp = "followup";
}
