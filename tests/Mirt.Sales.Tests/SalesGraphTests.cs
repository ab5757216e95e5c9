using Mirt.Sales.Graph;
using Mirt.Testing;

namespace Mirt.Sales.Tests;

public sealed class SalesGraphTests
{
    [Fact]
    public void ToMermaid_MatchesVerifiedDiagram() => GoldenFile.Verify(SalesGraph.Build().ToMermaid(), $"{nameof(SalesGraphTests)}.{nameof(ToMermaid_MatchesVerifiedDiagram)}");

    [Fact]
    public void Build_EveryNodeReachableAndEndsAtReply()
    {
        var graph = SalesGraph.Build();

        graph.Entry.Value.Should().Be("moderation");
        graph.Edges.Single(e => e.From.Value == "reply").Targets.Should().ContainSingle().Which.IsEnd.Should().BeTrue();
    }
}
