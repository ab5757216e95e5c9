using Mirt.Graph.Execution;
using Mirt.Graph.Streaming;
using Mirt.Graph.Tests.Execution;

namespace Mirt.Graph.Tests.Streaming;

/// <summary>Covers the event feed of streamed runs.</summary>
public sealed class StreamTurnTests
{
    [Fact]
    public async Task StreamTurnAsync_Chain_ReportsEveryStepInOrder()
    {
        var runner = TestGraphs.Runner(TestGraphs.Visiting("a", "b"));

        var events = await CollectAsync(runner.StreamTurnAsync("t1", TestKeys.Say("hi")));

        events.Select(Describe).Should().Equal(
            "state - message",
            "saved input [a]",
            "started a",
            "finished a",
            "state a trail",
            "saved loop [b]",
            "started b",
            "finished b",
            "state b trail",
            "saved loop []",
            "turn finished");
        events.Should().OnlyContain(e => e.ThreadId == "t1" && e.Namespace == string.Empty);
        events.OfType<NodeFinished>().Should().OnlyContain(e => e.DurationMs > 0);
        var history = await runner.HistoryAsync("t1");
        events.OfType<CheckpointSaved>().Select(e => e.CheckpointId).Should().Equal(history.Select(s => s.CheckpointId).Reverse());
        var finished = events[^1].Should().BeOfType<TurnFinished>().Subject;
        finished.Result.Path.Should().Equal(new NodeName("a"), new NodeName("b"));
        finished.Result.CheckpointId.Should().Be(history[0].CheckpointId);
    }

    [Fact]
    public async Task StreamTurnAsync_StartedEvents_NameTheStartCheckpointAndStep()
    {
        var runner = TestGraphs.Runner(TestGraphs.Visiting("a"));

        var events = await CollectAsync(runner.StreamTurnAsync("t1", []));

        var input = events.OfType<CheckpointSaved>().First();
        var started = events.OfType<NodeStarted>().Single();
        started.CheckpointId.Should().Be(input.CheckpointId);
        started.Step.Should().Be(input.Step + 1);
    }

    [Fact]
    public async Task StreamTurnAsync_Interrupt_ReportsItBeforeTheTurnFinishes()
    {
        var runner = TestGraphs.Runner(TestGraphs.Chain(("ask", new TestNode(_ => NodeResult.Interrupt("approve?")))));

        var events = await CollectAsync(runner.StreamTurnAsync("t1", []));

        events.Select(Describe).TakeLast(3).Should().Equal("finished ask", "interrupted ask", "turn finished");
        events[^1].Should().BeOfType<TurnFinished>().Which.Result.IsInterrupted.Should().BeTrue();
    }

    [Fact]
    public async Task StreamResumeAsync_ReportsTheResumedRun()
    {
        var ask = new TestNode(c => c.IsResuming ? NodeResult.Continue(TestKeys.Decision.Set(c.ReadResume<string>())) : NodeResult.Interrupt("approve?"));
        var runner = TestGraphs.Runner(TestGraphs.Chain(("ask", ask)));
        await runner.RunTurnAsync("t1", []);

        var events = await CollectAsync(runner.StreamResumeAsync("t1", "yes"));

        events.Select(Describe).Should().Equal("started ask", "finished ask", "state ask decision", "saved loop []", "turn finished");
    }

    [Fact]
    public async Task StreamContinueAsync_FinishedThread_ReportsOnlyTheEnd()
    {
        var runner = TestGraphs.Runner(TestGraphs.Visiting("a"));
        await runner.RunTurnAsync("t1", []);

        var events = await CollectAsync(runner.StreamContinueAsync("t1"));

        events.Select(Describe).Should().Equal("turn finished");
    }

    [Fact]
    public async Task StreamTurnAsync_NodeFails_ThrowsAfterTheEventsBeforeIt()
    {
        var runner = TestGraphs.Runner(TestGraphs.Chain(("a", TestNode.Writes(TestKeys.Visit("a"))), ("boom", new TestNode(_ => throw new InvalidOperationException("boom")))));
        var seen = new List<GraphEvent>();

        var act = async () =>
        {
            await foreach (var e in runner.StreamTurnAsync("t1", []))
            {
                seen.Add(e);
            }
        };

        await act.Should().ThrowAsync<GraphExecutionException>();
        seen.Select(Describe).Should().EndWith(["saved loop [boom]", "started boom"]);
    }

    [Fact]
    public async Task StreamTurnAsync_LeftEarly_StopsTheTurnAndReleasesTheThread()
    {
        var gate = new TaskCompletionSource();
        var slow = new TestNode(async (_, token) =>
        {
            await gate.Task.WaitAsync(token);
            return NodeResult.Continue(TestKeys.Visit("slow"));
        });
        var runner = TestGraphs.Runner(TestGraphs.Chain(("slow", slow)));

        await foreach (var e in runner.StreamTurnAsync("t1", []))
        {
            if (e is NodeStarted)
            {
                break;
            }
        }

        gate.SetResult();
        var next = await runner.RunTurnAsync("t1", []);
        next.State.Get(TestKeys.Trail).Should().Equal("slow");
    }

    [Fact]
    public void StreamTurnAsync_EmptyThreadId_ThrowsAtOnce()
    {
        var runner = TestGraphs.Runner(TestGraphs.Visiting("a"));

        var act = () => runner.StreamTurnAsync(" ", []);

        act.Should().Throw<ArgumentException>();
    }

    private static string Describe(GraphEvent e) => e switch
    {
        StateUpdated s => $"state {s.Node?.Value ?? "-"} {string.Join(",", s.Channels)}",
        CheckpointSaved c => $"saved {c.Source} [{string.Join(",", c.Next)}]",
        NodeStarted n => $"started {n.Node}",
        NodeFinished n => $"finished {n.Node}",
        TurnInterrupted i => $"interrupted {i.Interrupt.Node}",
        TurnFinished => "turn finished",
        _ => e.GetType().Name,
    };

    private static async Task<List<GraphEvent>> CollectAsync(IAsyncEnumerable<GraphEvent> events)
    {
        var list = new List<GraphEvent>();
        await foreach (var e in events)
        {
            list.Add(e);
        }

        return list;
    }
}
