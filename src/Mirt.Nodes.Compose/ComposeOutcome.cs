using Mirt.Nodes.Compose.Contract;

namespace Mirt.Nodes.Compose;

/// <summary>
/// Reports how the model calls of one compose step ended: a valid reply, or the degraded reason.
/// </summary>
/// <param name="Reply">The validated reply, or <see langword="null"/> when the turn keeps the draft.</param>
/// <param name="DegradedReason">Why the turn keeps the draft (see <c>DegradedReasons</c>), or <see langword="null"/>.</param>
/// <param name="Calls">How many model calls were made.</param>
/// <param name="Rejections">How many answers failed validation.</param>
/// <param name="Templates">The <c>llm/</c> templates of the last prompt sent.</param>
/// <param name="ErrorType">The exception type when the client failed, for the log line; never its message.</param>
internal sealed record ComposeOutcome(
    StructuredReply? Reply,
    string? DegradedReason,
    int Calls,
    int Rejections,
    IReadOnlyList<string> Templates,
    string? ErrorType = null);
