namespace Mirt.Delivery.Storage;

/// <summary>Holds the lease and handoff columns of a conversation row, as read under its lock.</summary>
/// <param name="TurnOwner">The turn lease holder, or <see langword="null"/>.</param>
/// <param name="TurnUntil">Until when the turn lease holds, Unix ms.</param>
/// <param name="PushOwner">The push lease holder, or <see langword="null"/>.</param>
/// <param name="PushUntil">Until when the push lease holds, Unix ms.</param>
/// <param name="HandoffReason">Why a human has the conversation, or <see langword="null"/>.</param>
internal sealed record ConversationRow(string? TurnOwner, long? TurnUntil, string? PushOwner, long? PushUntil, string? HandoffReason)
{
    /// <summary>Tells whether some owner (the caller included) holds a live turn lease at <paramref name="now"/>.</summary>
    public bool TurnLeaseLive(long now) => TurnOwner is not null && TurnUntil > now;

    /// <summary>Tells whether some owner (the caller included) holds a live push lease at <paramref name="now"/>.</summary>
    public bool PushLeaseLive(long now) => PushOwner is not null && PushUntil > now;
}
