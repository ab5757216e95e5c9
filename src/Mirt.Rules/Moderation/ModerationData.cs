using Mirt.Rules.Data;

namespace Mirt.Rules.Moderation;

/// <summary>
/// Describes <c>moderation.json</c>: the prompt-injection phrases and the forbidden-topic words, in English, Ukrainian
/// and Russian.
/// </summary>
internal sealed record ModerationData
{
    /// <summary>The embedded file name.</summary>
    public const string FileName = "moderation.json";

    /// <summary>Gets the prompt-injection phrases.</summary>
    public required KeywordSetData Injection { get; init; }

    /// <summary>Gets the forbidden-topic words (weapons, drugs, violence).</summary>
    public required KeywordSetData ForbiddenTopics { get; init; }
}
