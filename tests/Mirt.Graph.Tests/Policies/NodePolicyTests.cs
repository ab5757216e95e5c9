using Mirt.Graph.Building;
using Mirt.Graph.Checkpoints;
using Mirt.Graph.Execution;
using Mirt.Graph.Policies;
using Mirt.Graph.Tests.Execution;
using Polly.Timeout;

namespace Mirt.Graph.Tests.Policies;

/// <summary>Covers per-node retries and per-attempt timeouts. Waits are 0 ms and timeouts short; nothing asserts speed.</summary>
public sealed class NodePolicyTests
{
    [Fact]
    public async Task RunTurnAsync_FlakyNodeWithRetries_SucceedsWithTheSameIdempotencyKeyEveryAttempt()
    {
        var failures = 2;
        var flaky = new TestNode(_ => failures-- > 0 ? throw new HttpRequestException("503") : NodeResult.Continue(TestKeys.Visit("flaky")));
        var runner = Runner(flaky, new NodePolicy { MaxAttempts = 3, BaseDelayMs = 0 });

        var turn = await runner.RunTurnAsync("t1", []);

        turn.State.Get(TestKeys.Trail).Should().Equal("flaky");
        flaky.Calls.Should().HaveCount(3);
        flaky.Calls.Select(c => c.IdempotencyKey("charge")).Distinct().Should().ContainSingle();
        (await runner.GetStateAsync("t1"))!.Error.Should().BeNull();
    }

    [Fact]
    public async Task RunTurnAsync_RetriesExhausted_FailsTheTurnAndRecordsTheAttempts()
    {
        var broken = new TestNode(_ => throw new HttpRequestException("503"));
        var runner = Runner(broken, NodePolicy.Retry(3, baseDelayMs: 0));

        var error = (await FluentActions.Awaiting(() => runner.RunTurnAsync("t1", [])).Should().ThrowAsync<GraphExecutionException>()).Which;

        error.InnerException.Should().BeOfType<HttpRequestException>();
        error.Message.Should().Contain("after 3 attempt(s)");
        broken.Calls.Should().HaveCount(3);
        var latest = (await runner.GetStateAsync("t1"))!;
        latest.Error!.Attempts.Should().Be(3);
        latest.Error.ExceptionType.Should().Be(typeof(HttpRequestException).FullName);
        latest.PendingWrites.Should().ContainSingle(w => w.Channel == WriteChannels.Error);
    }

    [Fact]
    public async Task RunTurnAsync_ExceptionTheFilterRejects_IsNotRetried()
    {
        var broken = new TestNode(_ => throw new ArgumentException("bad input"));
        var runner = Runner(broken, new NodePolicy { MaxAttempts = 5, BaseDelayMs = 0, RetryOn = e => e is HttpRequestException });

        await FluentActions.Awaiting(() => runner.RunTurnAsync("t1", [])).Should().ThrowAsync<GraphExecutionException>();

        broken.Calls.Should().ContainSingle();
    }

    [Fact]
    public async Task RunTurnAsync_HangingNode_TimesOutEachAttemptAndFails()
    {
        var cancelled = 0;
        var hanging = new TestNode(async (_, token) =>
        {
            try
            {
                await Task.Delay(Timeout.InfiniteTimeSpan, token);
            }
            catch (OperationCanceledException)
            {
                Interlocked.Increment(ref cancelled);
                throw;
            }

            return NodeResult.Continue();
        });
        var runner = Runner(hanging, new NodePolicy { MaxAttempts = 2, BaseDelayMs = 0, TimeoutMs = 50 });

        var error = (await FluentActions.Awaiting(() => runner.RunTurnAsync("t1", [])).Should().ThrowAsync<GraphExecutionException>()).Which;

        error.InnerException.Should().BeOfType<TimeoutRejectedException>();
        hanging.Calls.Should().HaveCount(2);
        cancelled.Should().Be(2, "the timeout cancels the token each attempt receives");
        (await runner.GetStateAsync("t1"))!.Error!.Attempts.Should().Be(2);
    }

    [Fact]
    public async Task RunTurnAsync_TimeoutThenSuccess_Recovers()
    {
        var first = true;
        var slowOnce = new TestNode(async (_, token) =>
        {
            if (first)
            {
                first = false;
                await Task.Delay(Timeout.InfiniteTimeSpan, token);
            }

            return NodeResult.Continue(TestKeys.Visit("slow"));
        });
        var runner = Runner(slowOnce, new NodePolicy { MaxAttempts = 2, BaseDelayMs = 0, TimeoutMs = 50 });

        var turn = await runner.RunTurnAsync("t1", []);

        turn.State.Get(TestKeys.Trail).Should().Equal("slow");
    }

    [Fact]
    public async Task RunTurnAsync_TurnCancelled_IsNotRetriedNorRecorded()
    {
        using var cancel = new CancellationTokenSource();
        var node = new TestNode(async (_, token) =>
        {
            await cancel.CancelAsync();
            token.ThrowIfCancellationRequested();
            return NodeResult.Continue();
        });
        var runner = Runner(node, new NodePolicy { MaxAttempts = 5, BaseDelayMs = 0, RetryOn = _ => true });

        await FluentActions.Awaiting(() => runner.RunTurnAsync("t1", [], cancellationToken: cancel.Token)).Should().ThrowAsync<OperationCanceledException>();

        node.Calls.Should().ContainSingle();
        (await runner.GetStateAsync("t1"))!.Error.Should().BeNull();
    }

    [Theory]
    [InlineData(0, 0, null)]
    [InlineData(1, -1, null)]
    [InlineData(1, 0, 5)]
    public void AddNode_InvalidPolicy_ThrowsNamingTheNode(int attempts, int delayMs, int? timeoutMs)
    {
        var policy = new NodePolicy { MaxAttempts = attempts, BaseDelayMs = delayMs, TimeoutMs = timeoutMs };

        var act = () => new GraphBuilder().AddNode("pay", TestNode.Writes(), policy);

        act.Should().Throw<ArgumentException>().WithMessage("*'pay'*");
    }

    [Fact]
    public void ConversationGraph_GetPolicy_ReturnsTheNodesPolicy()
    {
        var policy = NodePolicy.Timeout(1_000);
        var graph = new GraphBuilder().AddState(TestKeys.All).AddNode("a", TestNode.Writes(), policy).AddEdge("a", NodeName.End).SetEntry("a").Build();

        graph.GetPolicy("a").Should().BeSameAs(policy);
    }

    private static GraphRunner Runner(INode node, NodePolicy policy)
    {
        var graph = new GraphBuilder()
            .AddState(TestKeys.All)
            .AddNode("node", node, policy)
            .AddEdge("node", NodeName.End)
            .SetEntry("node")
            .Build();
        return TestGraphs.Runner(graph);
    }
}
