namespace Mirt.Rules.Moderation;

/// <summary>
/// Names why a message was stopped before any other rule or model saw it (see <c>shared/DOMAIN.md</c>, Moderation).
/// </summary>
public enum ModerationCategory
{
    /// <summary>Nothing to stop; the message goes on.</summary>
    None = 0,

    /// <summary>A prompt-injection attempt, such as "ignore previous instructions" or a demand to switch language.</summary>
    Injection = 1,

    /// <summary>A forbidden topic: weapons, drugs or violence.</summary>
    ForbiddenTopic = 2,
}
