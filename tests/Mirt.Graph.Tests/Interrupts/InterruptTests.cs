using Mirt.Graph.Checkpoints;
using Mirt.Graph.Execution;
using Mirt.Graph.Interrupts;
using Mirt.Graph.Tests.Execution;

namespace Mirt.Graph.Tests.Interrupts;

/// <summary>Covers human-in-the-loop pauses: a node interrupts, a human answers, the node runs again.</summary>
public sealed class InterruptTests
{
    private sealed record Refund(string Sku, int AmountUah);

    private readonly TestNode _approval;
    private readonly TestNode _after = TestNode.Writes(TestKeys.Visit("after"));
    private readonly GraphRunner _runner;

    public InterruptTests()
    {
        // Asks a manager once; writes the decision when resumed.
        _approval = new TestNode(c => c.IsResuming
            ? NodeResult.Continue(TestKeys.Decision.Set(c.ReadResume<string>()), TestKeys.Visit("approval"))
            : NodeResult.Interrupt(new Refund("DRESS-1", 2050)));
        _runner = TestGraphs.Runner(TestGraphs.Chain(("before", TestNode.Writes(TestKeys.Visit("before"))), ("approval", _approval), ("after", _after)));
    }

    [Fact]
    public async Task RunTurnAsync_NodeInterrupts_EndsTheTurnPausedWithThePayload()
    {
        var turn = await _runner.RunTurnAsync("t1", TestKeys.Say("refund please"));

        turn.IsInterrupted.Should().BeTrue();
        turn.Path.Should().Equal(new NodeName("before"), new NodeName("approval"));
        turn.State.Get(TestKeys.Trail).Should().Equal("before");
        var interrupt = turn.Interrupt!;
        interrupt.Node.Should().Be(new NodeName("approval"));
        interrupt.CheckpointId.Should().Be(turn.CheckpointId);
        interrupt.IsAnswered.Should().BeFalse();
        interrupt.ReadPayload<Refund>().Should().Be(new Refund("DRESS-1", 2050));
        interrupt.PayloadJson.Should().Be("""{"sku":"DRESS-1","amountUah":2050}""");
        _after.Calls.Should().BeEmpty();
    }

    [Fact]
    public async Task RunTurnAsync_NodeInterrupts_StoresThePendingWriteAgainstTheCheckpointTheNodeStartedFrom()
    {
        var turn = await _runner.RunTurnAsync("t1", TestKeys.Say("refund please"));

        var latest = (await _runner.GetStateAsync("t1"))!;
        latest.CheckpointId.Should().Be(turn.CheckpointId, "no checkpoint is written for the paused step");
        latest.Next.Should().Equal(new NodeName("approval"));
        latest.PendingWrites.Should().ContainSingle(w => w.Channel == WriteChannels.Interrupt && w.TaskId == "approval");
        latest.Interrupt.Should().Be(turn.Interrupt);
    }

    [Fact]
    public async Task ResumeAsync_RunsTheNodeAgainFromTheSameCheckpointWithTheAnswer()
    {
        var paused = await _runner.RunTurnAsync("t1", TestKeys.Say("refund please"));

        var turn = await _runner.ResumeAsync("t1", "approved");

        turn.IsInterrupted.Should().BeFalse();
        turn.Path.Should().Equal(new NodeName("approval"), new NodeName("after"));
        turn.State.Get(TestKeys.Decision).Should().Be("approved");
        turn.State.Get(TestKeys.Trail).Should().Equal("before", "approval", "after");
        _approval.Calls.Should().HaveCount(2);
        _approval.Calls[1].CheckpointId.Should().Be(paused.CheckpointId);
        _approval.Calls[1].ResumeJson.Should().Be("\"approved\"");
        _approval.Calls.Select(c => c.IdempotencyKey("refund")).Distinct().Should().ContainSingle();
    }

    [Fact]
    public async Task ResumeAsync_StoresTheAnswerBeforeRunning_SoACrashedResumeContinuesWithIt()
    {
        var crash = true;
        var approval = new TestNode(c => c.IsResuming
            ? crash ? throw new IOException("power cut") : NodeResult.Continue(TestKeys.Decision.Set(c.ReadResume<string>()))
            : NodeResult.Interrupt("approve?"));
        var runner = TestGraphs.Runner(TestGraphs.Chain(("approval", approval)));
        await runner.RunTurnAsync("t1", []);
        await FluentActions.Awaiting(() => runner.ResumeAsync("t1", "yes")).Should().ThrowAsync<GraphExecutionException>();

        var stuck = (await runner.GetStateAsync("t1"))!;
        stuck.Interrupt!.IsAnswered.Should().BeTrue();
        stuck.Interrupt.ResumeJson.Should().Be("\"yes\"");
        stuck.PendingWrites.Should().Contain(w => w.Channel == WriteChannels.Resume);
        crash = false;
        var turn = await runner.ContinueAsync("t1");

        turn.State.Get(TestKeys.Decision).Should().Be("yes");
        approval.Calls.Select(c => c.IdempotencyKey("refund")).Distinct().Should().ContainSingle();
    }

    [Fact]
    public async Task RunTurnAsync_OnAPausedThread_ThrowsPendingInterruptException()
    {
        var paused = await _runner.RunTurnAsync("t1", TestKeys.Say("refund please"));

        var error = (await FluentActions.Awaiting(() => _runner.RunTurnAsync("t1", TestKeys.Say("hello?")))
            .Should().ThrowAsync<PendingInterruptException>()).Which;

        error.ThreadId.Should().Be("t1");
        error.Interrupt.Should().Be(paused.Interrupt);
        error.Message.Should().Contain("ResumeAsync");
    }

    [Fact]
    public async Task ContinueAsync_OnAnUnansweredInterrupt_Throws()
    {
        await _runner.RunTurnAsync("t1", []);

        await FluentActions.Awaiting(() => _runner.ContinueAsync("t1")).Should().ThrowAsync<PendingInterruptException>();
    }

    [Fact]
    public async Task ResumeAsync_ThreadNotPaused_Throws()
    {
        await TestGraphs.Runner(TestGraphs.Visiting("a")).Invoking(r => r.ResumeAsync("t1", "x")).Should().ThrowAsync<InvalidOperationException>();
        var runner = TestGraphs.Runner(TestGraphs.Visiting("a"));
        await runner.RunTurnAsync("t1", []);

        await FluentActions.Awaiting(() => runner.ResumeAsync("t1", "x")).Should().ThrowAsync<InvalidOperationException>().WithMessage("*not paused*");
    }

    [Fact]
    public async Task ResumeAsync_NodeAsksAgain_WaitsForASecondAnswer()
    {
        var approval = new TestNode(c => c.ResumeJson switch
        {
            null => NodeResult.Interrupt("size?"),
            "\"unsure\"" => NodeResult.Interrupt("size, please?"),
            _ => NodeResult.Continue(TestKeys.Decision.Set(c.ReadResume<string>())),
        });
        var runner = TestGraphs.Runner(TestGraphs.Chain(("approval", approval)));
        var first = await runner.RunTurnAsync("t1", []);

        var second = await runner.ResumeAsync("t1", "unsure");

        second.IsInterrupted.Should().BeTrue();
        second.Interrupt!.Id.Should().NotBe(first.Interrupt!.Id);
        second.Interrupt.ReadPayload<string>().Should().Be("size, please?");
        second.Interrupt.IsAnswered.Should().BeFalse("the first answer belongs to the first question");
        await FluentActions.Awaiting(() => runner.ContinueAsync("t1")).Should().ThrowAsync<PendingInterruptException>();

        var done = await runner.ResumeAsync("t1", "116");

        done.State.Get(TestKeys.Decision).Should().Be("116");
    }
}
