using Mirt.Rules.Data;
using Mirt.Rules.Text;

namespace Mirt.Rules.Moderation;

/// <summary>
/// Stops prompt injection and forbidden topics (weapons, drugs, violence) before anything else reads the message
/// (see <c>shared/DOMAIN.md</c>, Moderation). Phone numbers, names and other personal data are allowed.
/// </summary>
/// <remarks>
/// Injection is checked before forbidden topics, so a jailbreak that mentions weapons reports
/// <see cref="ModerationCategory.Injection"/>. The word lists live in <c>Data/moderation.json</c> and are compiled once.
/// Immutable and thread-safe.
/// </remarks>
public sealed class ModerationGate
{
    private static readonly Lazy<ModerationGate> LazyDefault = new(() => new ModerationGate(RulesData.Load<ModerationData>(ModerationData.FileName)));

    private readonly KeywordSet _injection;
    private readonly KeywordSet _forbiddenTopics;

    internal ModerationGate(ModerationData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        _injection = data.Injection.ToKeywordSet(ModerationData.FileName, "injection");
        _forbiddenTopics = data.ForbiddenTopics.ToKeywordSet(ModerationData.FileName, "forbiddenTopics");
    }

    /// <summary>Gets the gate built from the embedded <c>moderation.json</c>, loaded on first use.</summary>
    /// <exception cref="InvalidOperationException">The embedded data file is missing or broken.</exception>
    public static ModerationGate Default => LazyDefault.Value;

    /// <summary>Checks one message.</summary>
    /// <param name="text">The tokenised customer message.</param>
    /// <returns>The verdict; <see cref="ModerationVerdict.Allowed"/> when nothing matched.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is <see langword="null"/>.</exception>
    public ModerationVerdict Check(TokenizedText text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (_injection.FindFirst(text) is { } injection)
        {
            return new ModerationVerdict(ModerationCategory.Injection, $"Injection: '{injection.Pattern}'");
        }

        if (_forbiddenTopics.FindFirst(text) is { } topic)
        {
            return new ModerationVerdict(ModerationCategory.ForbiddenTopic, $"ForbiddenTopic: '{topic.Pattern}'");
        }

        return ModerationVerdict.Allowed;
    }
}
