using Mirt.Graph.Execution;

namespace Mirt.Graph.Subgraphs;

/// <summary>
/// Names the checkpoint namespace a subgraph runs in, so its checkpoints live beside the parent's without mixing.
/// </summary>
/// <remarks>
/// <para>Scheme: <c>node:checkpointId</c>, where <c>node</c> is the subgraph's node in the parent graph and
/// <c>checkpointId</c> is the parent checkpoint the node started from (it identifies the task: one node runs per
/// checkpoint). A subgraph inside a subgraph appends its own segment after <see cref="Separator"/>:
/// <c>outer:c1|inner:c7</c>. The root graph's namespace is empty.</para>
/// <para>Because the name depends only on the parent checkpoint, a subgraph node that runs again from the same
/// checkpoint — after a crash, or when resumed from an interrupt — finds its earlier checkpoints and continues them
/// instead of starting over. Node names must therefore not contain <c>:</c> or <c>|</c>.</para>
/// </remarks>
public static class SubgraphNamespace
{
    /// <summary>Separates the segments of nested subgraphs.</summary>
    public const char Separator = '|';

    /// <summary>Separates a segment's node from its parent checkpoint id.</summary>
    public const char TaskSeparator = ':';

    /// <summary>Names the namespace of a subgraph run.</summary>
    /// <param name="parentNamespace">The parent's namespace; empty for the root graph.</param>
    /// <param name="node">The subgraph's node in the parent graph.</param>
    /// <param name="parentCheckpointId">The parent checkpoint the node started from.</param>
    /// <returns>The namespace.</returns>
    /// <exception cref="ArgumentException">The checkpoint id is empty.</exception>
    public static string For(string parentNamespace, NodeName node, string parentCheckpointId)
    {
        ArgumentNullException.ThrowIfNull(parentNamespace);
        ArgumentException.ThrowIfNullOrWhiteSpace(parentCheckpointId);
        var segment = $"{node.Value}{TaskSeparator}{parentCheckpointId}";
        return parentNamespace.Length == 0 ? segment : $"{parentNamespace}{Separator}{segment}";
    }

    /// <summary>Lists the subgraph nodes a namespace passes through, outermost first.</summary>
    /// <param name="ns">The namespace; empty for the root graph.</param>
    /// <returns>The node names; empty for the root graph.</returns>
    /// <exception cref="ArgumentException">A segment lacks its <see cref="TaskSeparator"/>.</exception>
    public static IReadOnlyList<NodeName> NodePath(string ns)
    {
        ArgumentNullException.ThrowIfNull(ns);
        if (ns.Length == 0)
        {
            return [];
        }

        return ns.Split(Separator).Select(segment =>
        {
            var at = segment.IndexOf(TaskSeparator, StringComparison.Ordinal);
            return at > 0
                ? new NodeName(segment[..at])
                : throw new ArgumentException($"The namespace segment '{segment}' has no '{TaskSeparator}'; subgraph namespaces look like node{TaskSeparator}checkpointId.", nameof(ns));
        }).ToList();
    }
}
