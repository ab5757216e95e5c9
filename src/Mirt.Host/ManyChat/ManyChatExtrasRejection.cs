using Mirt.Host.Web;

namespace Mirt.Host.ManyChat;

/// <summary>
/// Decides whether ManyChat refused pushed content because of its actions or quick replies (Instagram is strict about
/// both in pushed content, MANYCHAT.md), so the messages are worth sending once more without them.
/// </summary>
/// <remarks>
/// The heuristic: the content has actions or quick replies and at least one message, and ManyChat answered a channel
/// refusal (codes 3040–3049) or another rejection whose message names them ("action", "quick_repl", "quick repl").
/// A 3011 (outside the window), a rate limit, a transient failure or a key problem never qualifies: removing the
/// extras would not change the answer. The resend happens at most once.
/// </remarks>
internal static class ManyChatExtrasRejection
{
    private static readonly string[] Words = ["action", "quick_repl", "quick repl"];

    public static bool Applies(DynamicBlockContent content, ManyChatResult result) =>
        content.HasExtras
        && content.Messages.Count > 0
        && (result.Outcome == ManyChatOutcome.ChannelRefused
            || (result.Outcome == ManyChatOutcome.Rejected && ManyChatResponseClassifier.Mentions(result.Error, Words)));
}
