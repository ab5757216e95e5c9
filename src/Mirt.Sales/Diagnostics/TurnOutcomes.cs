using Mirt.Nodes.Abstractions.State;
using Mirt.Sales.Assistant;

namespace Mirt.Sales.Diagnostics;

/// <summary>
/// Names how a turn ended, the <c>outcome</c> label of <c>turns</c>: automation rate is automated / all turns,
/// escalation rate is escalated / all turns, availability is (all − failed) / all turns.
/// </summary>
public static class TurnOutcomes
{
    /// <summary>Gets the outcome of a turn the bot answered without handing the conversation to a human (a manager may
    /// still be notified, for example of an order).</summary>
    public const string Automated = "automated";

    /// <summary>Gets the outcome of a turn that handed the conversation to a human (<see cref="Escalation.Handoff"/>).</summary>
    public const string Escalated = "escalated";

    /// <summary>Gets the outcome of a turn that threw instead of answering.</summary>
    public const string Failed = "failed";

    /// <summary>Classifies an answered turn.</summary>
    /// <param name="reply">The turn's reply.</param>
    /// <returns><see cref="Escalated"/> when the turn raised a handoff, otherwise <see cref="Automated"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="reply"/> is <see langword="null"/>.</exception>
    public static string Of(AssistantReply reply)
    {
        ArgumentNullException.ThrowIfNull(reply);
        return reply.Escalation?.Level == Escalation.Handoff ? Escalated : Automated;
    }
}
