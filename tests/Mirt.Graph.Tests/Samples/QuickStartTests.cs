using Mirt.Graph.Building;
using Mirt.Graph.Checkpoints;
using Mirt.Graph.Execution;
using Mirt.Graph.State;

namespace Mirt.Graph.Tests.Samples;

/// <summary>Runs the quick start of <c>src/Mirt.Graph/README.md</c> as written, so the README cannot rot.</summary>
public sealed class QuickStartTests
{
    // --- README quick start begins ---
    private static readonly StateKey<string> Text = new("text", "", StateKeyLifetime.Turn);
    private static readonly StateKey<IReadOnlyList<string>> Log = LogKey.Create<string>("log");
    private static readonly StateKey<string?> Answer = new("answer", null, StateKeyLifetime.Turn);

    private static ConversationGraph BuildRefundBot() => new GraphBuilder()
        .AddState(Text, Log, Answer)
        .AddNode("triage", ctx => ctx.Get(Text).Contains("refund", StringComparison.OrdinalIgnoreCase)
            ? NodeResult.Route("approve")
            : NodeResult.Route("answer", Answer.Set("Thanks, noted.")))
        .AddNode("approve", ctx => ctx.IsResuming
            ? NodeResult.Continue(Answer.Set(ctx.ReadResume<bool>() ? "Refund approved." : "Refund declined."))
            : NodeResult.Interrupt(new { question = "Approve refund?", text = ctx.Get(Text) }))
        .AddNode("answer", ctx => NodeResult.Continue(Log.Set([ctx.Get(Text), ctx.Get(Answer)!])))
        .SetEntry("triage")
        .AddConditionalEdges("triage", _ => "answer", "approve", "answer")
        .AddEdge("approve", "answer")
        .AddEdge("answer", NodeName.End)
        .Build();
    // --- README quick start ends ---

    [Fact]
    public async Task QuickStart_RunsPausesForAHumanAndResumes()
    {
        var runner = new GraphRunner(BuildRefundBot(), new InMemoryCheckpointSaver());

        var first = await runner.RunTurnAsync("customer-1", [Text.Set("hello")]);
        var paused = await runner.RunTurnAsync("customer-1", [Text.Set("I want a refund")]);
        var resumed = await runner.ResumeAsync("customer-1", true);

        first.State.Get(Answer).Should().Be("Thanks, noted.");
        paused.IsInterrupted.Should().BeTrue();
        paused.Interrupt!.PayloadJson.Should().Contain("Approve refund?");
        resumed.State.Get(Answer).Should().Be("Refund approved.");
        resumed.State.Get(Log).Should().Equal("hello", "Thanks, noted.", "I want a refund", "Refund approved.");
    }

    [Fact]
    public void Readme_ShowsTheQuickStartAsTested()
    {
        var source = File.ReadAllText(Path.Combine(Mirt.Testing.RepoPaths.Root, "tests", "Mirt.Graph.Tests", "Samples", "QuickStartTests.cs")).ReplaceLineEndings("\n");
        var start = source.IndexOf("// --- README quick start begins ---\n", StringComparison.Ordinal);
        var end = source.IndexOf("    // --- README quick start ends ---", StringComparison.Ordinal);
        var sample = string.Join('\n', source[(start + 37)..end].Split('\n').Select(l => l.Length >= 4 ? l[4..] : l)).TrimEnd();
        var readme = File.ReadAllText(Path.Combine(Mirt.Testing.RepoPaths.Src, "Mirt.Graph", "README.md")).ReplaceLineEndings("\n");

        readme.Should().Contain(sample, "the README's quick start is the code this test runs; copy it from QuickStartTests.cs");
    }
}
