using Mirt.Graph.Building;
using Mirt.Graph.Checkpoints;
using Mirt.Graph.Execution;
using Mirt.Graph.State;
using Mirt.Graph.Streaming;
using Mirt.Graph.Subgraphs;
using Mirt.Graph.Tests.Execution;

namespace Mirt.Graph.Tests.Subgraphs;

/// <summary>Covers subgraph nodes: shared channels in and out, checkpoints in the child namespace, interrupts across
/// the boundary.</summary>
public sealed class SubgraphTests
{
    // Only the subgraph declares this channel: it stays in the child namespace.
    private static readonly StateKey<int> Scratch = new("scratch", 0);

    private readonly TestNode _measure = new(c => NodeResult.Continue(Scratch.Set(c.Get(TestKeys.Count) * 10), TestKeys.Visit("measure")));
    private readonly TestNode _size = new(c => NodeResult.Continue(TestKeys.Decision.Set($"size for {c.Get(Scratch)}"), TestKeys.Visit("size")));

    [Fact]
    public async Task RunTurnAsync_Subgraph_ReadsSharedChannelsAndWritesBackWhatItChanged()
    {
        var runner = TestGraphs.Runner(Parent(Child()));

        var turn = await runner.RunTurnAsync("t1", [TestKeys.Count.Set(12)]);

        turn.Path.Should().Equal(new NodeName("before"), new NodeName("sizing"), new NodeName("after"));
        turn.State.Get(TestKeys.Decision).Should().Be("size for 120");
        turn.State.Get(TestKeys.Trail).Should().Equal("before", "measure", "size", "after");
        turn.State.Channels.Should().NotContain("scratch", "the parent does not declare the subgraph's own channel");
        _measure.Calls.Single().Get(TestKeys.Trail).Should().Equal("before");
    }

    [Fact]
    public async Task RunTurnAsync_Subgraph_StoresItsCheckpointsInTheNodesNamespace()
    {
        var runner = TestGraphs.Runner(Parent(Child()));
        await runner.RunTurnAsync("t1", [TestKeys.Count.Set(12)]);
        var parentStep = (await runner.HistoryAsync("t1")).Single(s => s.Next.SequenceEqual([new NodeName("sizing")]));
        var ns = SubgraphNamespace.For(string.Empty, "sizing", parentStep.CheckpointId);

        var child = await runner.HistoryAsync("t1", ns);

        ns.Should().Be($"sizing:{parentStep.CheckpointId}");
        child.Select(s => (s.Metadata.Source, s.Metadata.Node)).Should().Equal(("loop", "size"), ("loop", "measure"), ("input", (string?)null));
        child.Should().OnlyContain(s => s.Namespace == ns);
        child[0].State.Get(Scratch).Should().Be(120);
        _measure.Calls.Single().Namespace.Should().Be(ns);
        (await runner.HistoryAsync("t1")).Should().HaveCount(4, "the parent keeps one checkpoint per parent step");
    }

    [Fact]
    public async Task StreamTurnAsync_Subgraph_ReportsChildEventsInTheirNamespace()
    {
        var runner = TestGraphs.Runner(Parent(Child()));
        var events = new List<GraphEvent>();

        await foreach (var e in runner.StreamTurnAsync("t1", []))
        {
            events.Add(e);
        }

        var child = events.Where(e => e.Namespace.Length > 0).ToList();
        child.OfType<NodeStarted>().Select(e => e.Node.Value).Should().Equal("measure", "size");
        child.OfType<TurnFinished>().Should().ContainSingle();
        events[^1].Should().BeOfType<TurnFinished>().Which.Namespace.Should().BeEmpty();
    }

    [Fact]
    public async Task ResumeAsync_InterruptInsideTheSubgraph_PausesTheParentAndResumesTheChildNode()
    {
        var ask = new TestNode(c => c.IsResuming ? NodeResult.Continue(TestKeys.Decision.Set(c.ReadResume<string>())) : NodeResult.Interrupt("which size?"));
        var child = TestGraphs.ChainBuilder(("measure", _measure), ("ask", ask)).AddState(Scratch).Build();
        var runner = TestGraphs.Runner(Parent(child));

        var paused = await runner.RunTurnAsync("t1", []);

        paused.IsInterrupted.Should().BeTrue();
        paused.Interrupt!.Node.Should().Be(new NodeName("sizing"));
        paused.Interrupt.ReadPayload<string>().Should().Be("which size?");
        var resumed = await runner.ResumeAsync("t1", "116");

        resumed.Path.Should().Equal(new NodeName("sizing"), new NodeName("after"));
        resumed.State.Get(TestKeys.Decision).Should().Be("116");
        _measure.Calls.Should().ContainSingle("the child continues from its own checkpoint instead of starting over");
        ask.Calls.Select(c => c.IdempotencyKey("x")).Distinct().Should().ContainSingle();
    }

    [Fact]
    public async Task RunTurnAsync_NodeFailsInsideTheSubgraph_RecordsTheErrorInBothNamespaces()
    {
        var child = TestGraphs.Chain(("boom", new TestNode(_ => throw new InvalidOperationException("broken tape"))));
        var runner = TestGraphs.Runner(Parent(child));

        var error = (await FluentActions.Awaiting(() => runner.RunTurnAsync("t1", [])).Should().ThrowAsync<GraphExecutionException>()).Which;

        error.Message.Should().Contain("'sizing'").And.Contain("broken tape");
        var parent = (await runner.GetStateAsync("t1"))!;
        parent.Error!.Node.Should().Be(new NodeName("sizing"));
        var childFailure = (await runner.HistoryAsync("t1", SubgraphNamespace.For(string.Empty, "sizing", parent.CheckpointId)))[0];
        childFailure.Error!.Node.Should().Be(new NodeName("boom"));
    }

    [Fact]
    public async Task ContinueAsync_ParentCrashedAfterTheSubgraphFinished_ReusesTheStoredChildRun()
    {
        var saver = new ScriptedSaver(new InMemoryCheckpointSaver());
        var graph = Parent(Child());
        saver.CrashAt(6); // puts: parent input, before, child input, measure, size, then the parent's sizing step
        await FluentActions.Awaiting(() => TestGraphs.Runner(graph, saver).RunTurnAsync("t1", [TestKeys.Count.Set(3)])).Should().ThrowAsync<IOException>();
        saver.BeforePut = null;

        var turn = await TestGraphs.Runner(graph, saver).ContinueAsync("t1");

        turn.Path.Should().Equal(new NodeName("sizing"), new NodeName("after"));
        turn.State.Get(TestKeys.Decision).Should().Be("size for 30");
        _measure.Calls.Should().ContainSingle();
        _size.Calls.Should().ContainSingle();
    }

    [Fact]
    public void Build_SharedChannelWithAnotherType_Fails()
    {
        var child = new GraphBuilder()
            .AddState(new StateKey<string>("count", "zero"))
            .AddNode("x", TestNode.Writes())
            .AddEdge("x", NodeName.End)
            .SetEntry("x")
            .Build();

        var act = () => Parent(child);

        act.Should().Throw<InvalidOperationException>().WithMessage("*'count'*");
    }

    [Fact]
    public void AddSubgraph_NameWithNamespaceSeparator_Throws()
    {
        var act = () => new GraphBuilder().AddSubgraph("a:b", Child());

        act.Should().Throw<ArgumentException>();
    }

    [Fact]
    public void GetStateHistoryAsync_NamespaceThroughAPlainNode_Throws()
    {
        var runner = TestGraphs.Runner(Parent(Child()));

        var act = () => runner.GetStateHistoryAsync("t1", ns: "before:id-1");

        act.Should().Throw<ArgumentException>().WithMessage("*not a subgraph*");
    }

    [Fact]
    public void SubgraphNamespace_NestsSegmentsAndParsesThemBack()
    {
        var inner = SubgraphNamespace.For(SubgraphNamespace.For(string.Empty, "outer", "c1"), "inner", "c7");

        inner.Should().Be("outer:c1|inner:c7");
        SubgraphNamespace.NodePath(inner).Should().Equal(new NodeName("outer"), new NodeName("inner"));
        SubgraphNamespace.NodePath(string.Empty).Should().BeEmpty();
    }

    [Fact]
    public void ConversationGraph_GetSubgraph_ReturnsTheChildGraph()
    {
        var child = Child();
        var graph = Parent(child);

        graph.GetSubgraph("sizing").Should().BeSameAs(child);
        graph.GetSubgraph("before").Should().BeNull();
    }

    private ConversationGraph Child() =>
        TestGraphs.ChainBuilder(("measure", _measure), ("size", _size)).AddState(Scratch).Build();

    private static ConversationGraph Parent(ConversationGraph child) => new GraphBuilder()
        .AddState(TestKeys.All)
        .AddNode("before", TestNode.Writes(TestKeys.Visit("before")))
        .AddSubgraph("sizing", child)
        .AddNode("after", TestNode.Writes(TestKeys.Visit("after")))
        .AddEdge("before", "sizing")
        .AddEdge("sizing", "after")
        .AddEdge("after", NodeName.End)
        .SetEntry("before")
        .Build();
}
