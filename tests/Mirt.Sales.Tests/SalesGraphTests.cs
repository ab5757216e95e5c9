using Mirt.Sales.Graph;
using Mirt.Testing;

namespace Mirt.Sales.Tests;

public sealed class SalesGraphTests
{
    [Fact]
    public void ToMermaid_MatchesVerifiedDiagram() => GoldenFile.Verify(SalesGraph.Build().ToMermaid(), $"{nameof(SalesGraphTests)}.{nameof(ToMermaid_MatchesVerifiedDiagram)}");

    [Theory]
    [InlineData("README.md")]
    [InlineData("docs/ARCHITECTURE.md")]
    public void Docs_EmbedTheGraphAsBuilt(string document)
    {
        var text = File.ReadAllText(Path.Combine(RepoPaths.Root, document)).ReplaceLineEndings("\n");

        text.Should().Contain("```mermaid\n" + SalesGraph.Build().ToMermaid().ReplaceLineEndings("\n").TrimEnd('\n') + "\n```", $"{document} shows the graph `mirt graph` prints; paste its output there");
    }

    [Fact]
    public void Build_EveryNodeReachableAndEndsAtReply()
    {
        var graph = SalesGraph.Build();

        graph.Entry.Value.Should().Be("moderation");
        graph.Edges.Single(e => e.From.Value == "reply").Targets.Should().ContainSingle().Which.IsEnd.Should().BeTrue();
    }

    [Fact]
    public void StateMachine_MatchesVerifiedDiagramAndValidates()
    {
        SalesStateMachine.Definition.Validate().Should().BeEmpty();
        GoldenFile.Verify(SalesStateMachine.Definition.ToMermaid(), $"{nameof(SalesGraphTests)}.{nameof(StateMachine_MatchesVerifiedDiagramAndValidates)}");
    }

    [Theory]
    [InlineData("STATE_0_INIT", "STATE_5_PAYMENT_DELIVERY", false)]
    [InlineData("STATE_0_INIT", "STATE_6_UPSELL", false)]
    [InlineData("STATE_8_COMPLAINT", "STATE_4_OFFER", false)]
    [InlineData("STATE_4_OFFER", "STATE_5_PAYMENT_DELIVERY", true)]
    [InlineData("STATE_5_PAYMENT_DELIVERY", "STATE_6_UPSELL", true)]
    [InlineData("STATE_1_DISCOVERY", "STATE_8_COMPLAINT", true)]
    public void CanMove_FollowsTheSalesStages(string from, string to, bool permitted) =>
        SalesStateMachine.CanMove(from, to).Should().Be(permitted);
}
