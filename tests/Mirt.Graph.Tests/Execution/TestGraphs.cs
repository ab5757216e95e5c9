using Mirt.Graph.Building;
using Mirt.Graph.Checkpoints;
using Mirt.Graph.Execution;
using Mirt.Graph.History;
using Mirt.Testing;

namespace Mirt.Graph.Tests.Execution;

/// <summary>Builds small graphs and runners with pinned time and ids.</summary>
internal static class TestGraphs
{
    /// <summary>Builds a chain of nodes from the first to the end.</summary>
    public static ConversationGraph Chain(params (string Name, INode Node)[] nodes) => ChainBuilder(nodes).Build();

    public static GraphBuilder ChainBuilder(params (string Name, INode Node)[] nodes)
    {
        var builder = new GraphBuilder().AddState(TestKeys.All).SetEntry(nodes[0].Name);
        for (var i = 0; i < nodes.Length; i++)
        {
            builder.AddNode(nodes[i].Name, nodes[i].Node);
            builder.AddEdge(nodes[i].Name, i + 1 < nodes.Length ? nodes[i + 1].Name : NodeName.End);
        }

        return builder;
    }

    /// <summary>Builds a chain where every node appends its name to the trail.</summary>
    public static ConversationGraph Visiting(params string[] names) =>
        Chain([.. names.Select(n => (n, (INode)TestNode.Writes(TestKeys.Visit(n))))]);

    public static GraphRunnerOptions Options(int? conflictRetries = null) => new()
    {
        Time = new ManualTimeProvider(),
        Ids = new SequentialIdGenerator(),
        TurnConflictRetries = conflictRetries ?? 3,
    };

    public static GraphRunner Runner(ConversationGraph graph, ICheckpointSaver? saver = null, GraphRunnerOptions? options = null) =>
        new(graph, saver ?? new InMemoryCheckpointSaver(), options ?? Options());

    public static async Task<List<StateSnapshot>> HistoryAsync(this GraphRunner runner, string threadId, string ns = "")
    {
        var snapshots = new List<StateSnapshot>();
        await foreach (var snapshot in runner.GetStateHistoryAsync(threadId, ns: ns))
        {
            snapshots.Add(snapshot);
        }

        return snapshots;
    }
}
