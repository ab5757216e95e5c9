namespace Mirt.Rules.Moderation;

/// <summary>
/// Tells whether a message must be stopped and why.
/// </summary>
/// <param name="Category">The reason class; <see cref="ModerationCategory.None"/> when the message may go on.</param>
/// <param name="Reason">The matched rule, for example <c>Injection: 'ignore previous*'</c>; <see langword="null"/> when not blocked.</param>
public sealed record ModerationVerdict(ModerationCategory Category, string? Reason)
{
    /// <summary>Gets the verdict for a message that may go on.</summary>
    public static ModerationVerdict Allowed { get; } = new(ModerationCategory.None, null);

    /// <summary>Gets a value indicating whether the message must be stopped (any category but <see cref="ModerationCategory.None"/>).</summary>
    public bool IsBlocked => Category != ModerationCategory.None;
}
