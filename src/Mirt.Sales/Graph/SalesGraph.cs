using Mirt.Graph.Building;
using Mirt.Graph.Execution;
using Mirt.Nodes.Abstractions.Flow;
using Mirt.Nodes.Abstractions.Replies;
using Mirt.Nodes.Abstractions.State;
using Mirt.Nodes.Compose;
using Mirt.Nodes.Compose.Prompting;
using Mirt.Nodes.Dialog;
using Mirt.Nodes.Offer;
using Mirt.Nodes.Payment;
using Mirt.Nodes.Vision;

namespace Mirt.Sales.Graph;

/// <summary>
/// Composes the sales conversation graph from the node assemblies: moderation → intent → the node the router picks
/// → compose (the model's validated reply, or the rule-only draft) → reply. A moderation block goes straight to reply:
/// its answer is canned on purpose. This is the one place that knows every node.
/// </summary>
public static class SalesGraph
{
    /// <summary>Gets the graph version stored in checkpoints; raise it when stored conversations need a migration.</summary>
    public const int Version = 1;

    /// <summary>Gets every template any node of the graph renders.</summary>
    public static IReadOnlyList<ITemplateId> Templates { get; } =
        [.. DialogTemplates.All, .. OfferTemplates.All, .. PaymentTemplates.All, .. VisionTemplates.All, .. LlmTemplates.All];

    // No reply may name a template; the compose node checks against every name the graph renders.
    private static IEnumerable<string> TemplateNames => Templates.Select(t => t.Name);

    private static TransitionAuditNode Audited(INode node) => new(node);

    /// <summary>Builds the graph.</summary>
    /// <param name="vision">The vision node's settings (its model budget); <see langword="null"/> for the defaults.</param>
    /// <returns>The validated, immutable graph.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A vision setting is out of range (see <see cref="VisionOptions"/>).</exception>
    public static ConversationGraph Build(VisionOptions? vision = null)
    {
        var reply = SalesNodes.Reply;
        var compose = SalesNodes.Compose;
        return new GraphBuilder()
            .WithVersion(Version)
            .AddState([.. SalesKeys.All])
            .AddNode(SalesNodes.Moderation, Audited(new ModerationNode()))
            .AddNode(SalesNodes.Intent, Audited(new IntentNode()))
            .AddNode(SalesNodes.Greeting, Audited(new GreetingNode()))
            .AddNode(SalesNodes.SmallTalk, Audited(new SmallTalkNode()))
            .AddNode(SalesNodes.Complaint, Audited(new ComplaintNode()))
            .AddNode(SalesNodes.OutOfDomain, Audited(new OutOfDomainNode()))
            .AddNode(SalesNodes.Handoff, Audited(new HandoffNode()))
            .AddNode(SalesNodes.Discovery, Audited(new DiscoveryNode()))
            .AddNode(SalesNodes.SizeColor, Audited(new SizeColorNode()))
            .AddNode(SalesNodes.Offer, Audited(new OfferNode()))
            .AddNode(SalesNodes.Payment, Audited(new PaymentNode()))
            .AddNode(SalesNodes.Upsell, Audited(new UpsellNode()))
            .AddNode(SalesNodes.Vision, Audited(new VisionNode(vision)))
            .AddNode(compose, Audited(new ComposeNode(TemplateNames)))
            .AddNode(reply, Audited(new ReplyNode()))
            .SetEntry(SalesNodes.Moderation)
            .AddConditionalEdges(SalesNodes.Moderation, _ => SalesNodes.Intent, SalesNodes.Intent, reply)
            .AddConditionalEdges(SalesNodes.Intent, SalesRouter.AfterIntent, [.. SalesRouter.Targets])
            .AddEdge(SalesNodes.Greeting, compose)
            .AddEdge(SalesNodes.SmallTalk, compose)
            .AddEdge(SalesNodes.Complaint, compose)
            .AddEdge(SalesNodes.OutOfDomain, compose)
            .AddEdge(SalesNodes.Handoff, compose)
            // A recognised photo continues in the size-and-offer flow: discovery asks the height, size-and-colour offers.
            .AddConditionalEdges(SalesNodes.Vision, _ => compose, compose, SalesNodes.Discovery, SalesNodes.SizeColor)
            .AddConditionalEdges(SalesNodes.Discovery, _ => compose, compose, SalesNodes.SizeColor)
            .AddConditionalEdges(SalesNodes.SizeColor, _ => compose, compose, SalesNodes.Offer, SalesNodes.Discovery)
            .AddConditionalEdges(SalesNodes.Offer, _ => compose, compose, SalesNodes.Payment, SalesNodes.SizeColor)
            .AddConditionalEdges(SalesNodes.Payment, _ => compose, compose, SalesNodes.Upsell, SalesNodes.SizeColor)
            .AddConditionalEdges(SalesNodes.Upsell, _ => compose, compose)
            .AddEdge(compose, reply)
            .AddEdge(reply, NodeName.End)
            .Build();
    }
}
