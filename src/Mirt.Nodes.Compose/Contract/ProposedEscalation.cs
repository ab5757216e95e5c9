namespace Mirt.Nodes.Compose.Contract;

/// <summary>
/// Asks for a human manager; honoured through the same hand-off the rules use, unless the rules raised an escalation
/// this turn already (theirs wins).
/// </summary>
/// <param name="Level"><c>HANDOFF</c> (a human takes over) or <c>NOTIFY</c> (a human should look).</param>
/// <param name="Reason">One of <see cref="EscalationReasons.All"/>.</param>
public sealed record ProposedEscalation(string Level, string Reason);
