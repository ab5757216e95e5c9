namespace Mirt.Graph.Diagnostics;

/// <summary>
/// Names the labels (metric tags) and span attributes every Mirt assembly records, so dashboards, alert rules and the
/// <c>/metrics</c> exposition agree on one spelling.
/// </summary>
public static class TelemetryTags
{
    /// <summary>Gets the label every metric carries: the release serving the conversation (see <see cref="TelemetryContext"/>).</summary>
    public const string Release = "release";

    /// <summary>Gets the label naming a checkpoint store call (see <see cref="CheckpointOperations"/>).</summary>
    public const string Operation = "operation";

    /// <summary>Gets the label naming a graph node.</summary>
    public const string Node = "node";

    /// <summary>Gets the label naming the conversation state after a turn, for example <c>STATE_4_OFFER</c>.</summary>
    public const string State = "state";

    /// <summary>Gets the label naming the intent detected in a turn, for example <c>SIZE_HELP</c>.</summary>
    public const string Intent = "intent";

    /// <summary>Gets the label naming why a conversation was escalated, for example <c>COMPLAINT</c>.</summary>
    public const string Reason = "reason";

    /// <summary>Gets the label saying how a turn ended: <c>automated</c>, <c>escalated</c> or <c>failed</c>.</summary>
    public const string Outcome = "outcome";

    /// <summary>Gets the label naming an LLM model.</summary>
    public const string Model = "model";

    /// <summary>Gets the label naming a tool an LLM called.</summary>
    public const string Tool = "tool";

    /// <summary>Gets the label saying whether LLM tokens went in (<c>input</c>) or came out (<c>output</c>).</summary>
    public const string Direction = "direction";

    /// <summary>Gets the span attribute holding the masked thread id (see <see cref="ThreadIdMask"/>); never the raw id.</summary>
    public const string ThreadHash = "mirt.thread.hash";

    /// <summary>Gets the span attribute holding the step number of a node step.</summary>
    public const string Step = "mirt.step";
}
