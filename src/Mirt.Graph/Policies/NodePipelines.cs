using Mirt.Graph.Building;
using Mirt.Graph.Execution;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace Mirt.Graph.Policies;

/// <summary>
/// Holds one Polly pipeline per node that has a <see cref="NodePolicy"/>, in a graph and all its subgraphs, built
/// once with the runner's clock, and invokes nodes through them.
/// </summary>
/// <remarks>Immutable after construction and thread-safe.</remarks>
internal sealed class NodePipelines
{
    private readonly Dictionary<(ConversationGraph Graph, NodeName Node), ResiliencePipeline> _pipelines = [];

    /// <summary>Builds the pipelines of <paramref name="root"/> and its subgraphs.</summary>
    /// <param name="root">The graph the runner runs.</param>
    /// <param name="time">The clock for waits and timeouts.</param>
    public NodePipelines(ConversationGraph root, TimeProvider time) => Add(root, time);

    /// <summary>Invokes a node, through its pipeline when it has a policy.</summary>
    /// <param name="graph">The graph the node belongs to.</param>
    /// <param name="name">The node's name.</param>
    /// <param name="context">The step's context (the same for every attempt).</param>
    /// <param name="attempts">Counts the attempts made, for the error record.</param>
    /// <param name="cancellationToken">Cancels the turn.</param>
    /// <returns>The node's result.</returns>
    public async ValueTask<NodeResult> InvokeAsync(ConversationGraph graph, NodeName name, NodeContext context, AttemptCounter attempts, CancellationToken cancellationToken)
    {
        var node = graph.GetNode(name);
        if (!_pipelines.TryGetValue((graph, name), out var pipeline))
        {
            attempts.Count++;
            return await node.InvokeAsync(context, cancellationToken).ConfigureAwait(false);
        }

        return await pipeline.ExecuteAsync(
            static (call, token) =>
            {
                call.Attempts.Count++;
                return call.Node.InvokeAsync(call.Context, token);
            },
            (Node: node, Context: context, Attempts: attempts),
            cancellationToken).ConfigureAwait(false);
    }

    private void Add(ConversationGraph graph, TimeProvider time)
    {
        foreach (var name in graph.NodeNames)
        {
            if (graph.GetPolicy(name) is { } policy)
            {
                _pipelines[(graph, name)] = Build(policy, time);
            }

            if (graph.GetSubgraph(name) is { } subgraph)
            {
                Add(subgraph, time);
            }
        }
    }

    private static ResiliencePipeline Build(NodePolicy policy, TimeProvider time)
    {
        var builder = new ResiliencePipelineBuilder { TimeProvider = time };
        if (policy.MaxAttempts > 1)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = policy.MaxAttempts - 1,
                Delay = TimeSpan.FromMilliseconds(policy.BaseDelayMs),
                MaxDelay = policy.MaxDelayMs is { } cap ? TimeSpan.FromMilliseconds(cap) : null,
                BackoffType = policy.Backoff switch
                {
                    NodeBackoff.Constant => DelayBackoffType.Constant,
                    NodeBackoff.Linear => DelayBackoffType.Linear,
                    _ => DelayBackoffType.Exponential,
                },
                UseJitter = policy.UseJitter,
                ShouldHandle = args => ValueTask.FromResult(
                    args.Outcome.Exception is { } exception
                    && !args.Context.CancellationToken.IsCancellationRequested
                    && policy.ShouldRetry(exception)),
            });
        }

        if (policy.TimeoutMs is { } timeout)
        {
            builder.AddTimeout(new TimeoutStrategyOptions { Timeout = TimeSpan.FromMilliseconds(timeout) });
        }

        return builder.Build();
    }
}
