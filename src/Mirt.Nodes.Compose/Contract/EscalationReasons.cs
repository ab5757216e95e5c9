namespace Mirt.Nodes.Compose.Contract;

/// <summary>
/// Lists the escalation reasons the model may give. A closed list keeps the <c>escalations{reason}</c> metric small
/// and never lets the model claim a reason the rules own (an order, a moderation block).
/// </summary>
public static class EscalationReasons
{
    /// <summary>Gets the reason for a complaint (defect, refund, deception); the conversation moves to the complaint state.</summary>
    public const string Complaint = "COMPLAINT";

    /// <summary>Gets the reason when the customer asks for a person.</summary>
    public const string HumanRequested = "HUMAN_REQUESTED";

    /// <summary>Gets the reason when the model cannot answer well (an unusual request, a question outside the facts it has).</summary>
    public const string ModelUnsure = "MODEL_UNSURE";

    /// <summary>Gets every reason above, in schema order.</summary>
    public static IReadOnlyList<string> All { get; } = [Complaint, HumanRequested, ModelUnsure];
}
