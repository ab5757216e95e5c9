using Mirt.Nodes.Abstractions.State;

namespace Mirt.Nodes.Vision.Recognition;

/// <summary>
/// Carries what one vision call produced: a parsed answer, or the degraded reason why there is none.
/// </summary>
/// <param name="Answer">The parsed answer, or <see langword="null"/> when the call failed.</param>
/// <param name="FailureReason">One of <see cref="DegradedReasons"/>, or <see langword="null"/> when an answer came.</param>
internal sealed record ModelOutcome(VisionAnswer? Answer, string? FailureReason)
{
    public static ModelOutcome Failed(string reason) => new(null, reason);
}
