using Mirt.Graph.Execution;

namespace Mirt.Graph.Building;

/// <summary>
/// Finds every structural problem of a graph before it is built, so start-up fails with one complete message.
/// </summary>
internal static class GraphValidator
{
    public static List<string> Validate(NodeName? entry, IReadOnlyList<NodeName> nodes, IReadOnlyDictionary<NodeName, Edge> edges)
    {
        var problems = new List<string>();
        var known = nodes.ToHashSet();
        if (entry is null)
        {
            problems.Add("No entry node is set; call SetEntry.");
        }
        else if (!known.Contains(entry.Value))
        {
            problems.Add($"The entry node '{entry}' was never added; call AddNode first.");
        }

        foreach (var node in nodes.Where(n => !edges.ContainsKey(n)))
        {
            problems.Add($"The node '{node}' has no outgoing edge; add one (to NodeName.End to finish the turn).");
        }

        foreach (var edge in edges.Values)
        {
            if (!known.Contains(edge.From))
            {
                problems.Add($"An edge leaves the unknown node '{edge.From}'.");
            }

            if (edge.Targets.Count == 0)
            {
                problems.Add($"The edge from '{edge.From}' has no target.");
            }

            problems.AddRange(edge.Targets
                .Where(t => !t.IsEnd && !known.Contains(t))
                .Select(t => $"The edge from '{edge.From}' leads to the unknown node '{t}'."));
        }

        if (entry is not null && known.Contains(entry.Value))
        {
            var reachable = Reach(entry.Value, edges);
            problems.AddRange(nodes.Where(n => !reachable.Contains(n)).Select(n => $"The node '{n}' cannot be reached from the entry."));
        }

        return problems;
    }

    private static HashSet<NodeName> Reach(NodeName entry, IReadOnlyDictionary<NodeName, Edge> edges)
    {
        var seen = new HashSet<NodeName> { entry };
        var queue = new Queue<NodeName>([entry]);
        while (queue.TryDequeue(out var node))
        {
            if (!edges.TryGetValue(node, out var edge))
            {
                continue;
            }

            foreach (var target in edge.Targets.Where(t => !t.IsEnd && seen.Add(t)))
            {
                queue.Enqueue(target);
            }
        }

        return seen;
    }
}
