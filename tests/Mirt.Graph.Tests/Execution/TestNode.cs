using Mirt.Graph.Execution;

namespace Mirt.Graph.Tests.Execution;

/// <summary>A node whose behaviour is a callback; it records every context it was run with.</summary>
internal sealed class TestNode(Func<NodeContext, CancellationToken, ValueTask<NodeResult>> run) : INode
{
    private readonly List<NodeContext> _calls = [];

    public TestNode(Func<NodeContext, NodeResult> run)
        : this((context, _) => ValueTask.FromResult(run(context)))
    {
    }

    public IReadOnlyList<NodeContext> Calls
    {
        get
        {
            lock (_calls)
            {
                return [.. _calls];
            }
        }
    }

    public static TestNode Writes(params Mirt.Graph.State.StateWrite[] writes) => new(_ => NodeResult.Continue(writes));

    public ValueTask<NodeResult> InvokeAsync(NodeContext context, CancellationToken cancellationToken)
    {
        lock (_calls)
        {
            _calls.Add(context);
        }

        return run(context, cancellationToken);
    }
}
