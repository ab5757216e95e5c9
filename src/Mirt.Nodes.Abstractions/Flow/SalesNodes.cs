using Mirt.Graph.Execution;

namespace Mirt.Nodes.Abstractions.Flow;

/// <summary>
/// Names the nodes of the sales graph, so a node can route to a node of another assembly without referencing it.
/// </summary>
public static class SalesNodes
{
    /// <summary>Gets the moderation node (injection and forbidden topics), the entry of every turn.</summary>
    public static NodeName Moderation { get; } = new("moderation");

    /// <summary>Gets the intent-detection node.</summary>
    public static NodeName Intent { get; } = new("intent");

    /// <summary>Gets the greeting node.</summary>
    public static NodeName Greeting { get; } = new("greeting");

    /// <summary>Gets the small-talk and thanks node.</summary>
    public static NodeName SmallTalk { get; } = new("smalltalk");

    /// <summary>Gets the complaint node.</summary>
    public static NodeName Complaint { get; } = new("complaint");

    /// <summary>Gets the out-of-domain node.</summary>
    public static NodeName OutOfDomain { get; } = new("ood");

    /// <summary>Gets the node that answers while a human manager holds the conversation.</summary>
    public static NodeName Handoff { get; } = new("handoff");

    /// <summary>Gets the discovery node (garment type, height, colour wishes).</summary>
    public static NodeName Discovery { get; } = new("discovery");

    /// <summary>Gets the size-and-colour node.</summary>
    public static NodeName SizeColor { get; } = new("size_color");

    /// <summary>Gets the offer node.</summary>
    public static NodeName Offer { get; } = new("offer");

    /// <summary>Gets the payment-and-delivery node.</summary>
    public static NodeName Payment { get; } = new("payment");

    /// <summary>Gets the upsell node.</summary>
    public static NodeName Upsell { get; } = new("upsell");

    /// <summary>Gets the photo node.</summary>
    public static NodeName Vision { get; } = new("vision");

    /// <summary>Gets the node that turns the rule-only draft into the model's validated reply when an LLM is
    /// configured, and keeps the draft (degraded) when not.</summary>
    public static NodeName Compose { get; } = new("compose");

    /// <summary>Gets the node that finishes every turn's reply (greeting once a day, bubbles).</summary>
    public static NodeName Reply { get; } = new("reply");
}
