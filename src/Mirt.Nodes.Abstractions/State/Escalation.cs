namespace Mirt.Nodes.Abstractions.State;

/// <summary>
/// Tells a human manager that a conversation needs attention (see DOMAIN.md, Escalation to a human).
/// </summary>
/// <param name="Level"><c>HANDOFF</c> when a human must take over; <c>NOTIFY</c> when the bot goes on and a human should look.</param>
/// <param name="Reason">A stable upper-case reason, for example <c>COMPLAINT</c> or <c>ORDER_PLACED</c>.</param>
public sealed record Escalation(string Level, string Reason)
{
    /// <summary>Gets the level that hands the conversation to a human.</summary>
    public const string Handoff = "HANDOFF";

    /// <summary>Gets the level that only notifies a human.</summary>
    public const string Notify = "NOTIFY";
}
