using System.Text;

namespace Mirt.Ops.Tests;

/// <summary>
/// The Grafana dashboard is valid JSON that Grafana can import, and every query in it reads only series that exist:
/// the metrics GET /metrics serves or the recording rules of <c>ops/prometheus/alerts.yml</c>.
/// </summary>
public sealed class DashboardTests
{
    private static readonly GrafanaDashboard Dashboard = GrafanaDashboard.Load(OpsFiles.Dashboard);
    private static readonly AlertRuleFile Rules = AlertRuleFile.Load(OpsFiles.AlertRules);

    [Fact]
    public void Dashboard_HasATitleUidAndPanelsWithDistinctIdsAndPlaces()
    {
        Dashboard.Root.GetProperty("title").GetString().Should().Be("Mirt");
        Dashboard.Root.GetProperty("uid").GetString().Should().NotBeNullOrEmpty();
        Dashboard.Panels.Should().HaveCountGreaterThan(10);
        Dashboard.Root.GetProperty("panels").EnumerateArray().Select(p => p.GetProperty("id").GetInt32()).Should().OnlyHaveUniqueItems();
        foreach (var panel in Dashboard.Panels)
        {
            panel.GetProperty("title").GetString().Should().NotBeNullOrWhiteSpace();
            panel.GetProperty("gridPos").GetProperty("w").GetInt32().Should().BeInRange(1, 24);
            panel.GetProperty("targets").GetArrayLength().Should().BePositive();
        }
    }

    [Fact]
    public void Dashboard_HasAMultiValueReleaseVariableOverTheTurnsCounter()
    {
        var release = Dashboard.Variables.Single(v => v.GetProperty("name").GetString() == "release");

        release.GetProperty("type").GetString().Should().Be("query");
        release.GetProperty("multi").GetBoolean().Should().BeTrue();
        release.GetProperty("includeAll").GetBoolean().Should().BeTrue();
        release.GetProperty("definition").GetString().Should().Be("label_values(turns_total, release)");
        Dashboard.Variables.Should().Contain(v => v.GetProperty("type").GetString() == "datasource");
    }

    [Fact]
    public void EveryQuery_ReadsOnlyContractMetricsAndRecordedRules()
    {
        var known = ObservabilityContract.SeriesNames.Concat(Rules.RecordedNames).ToHashSet(StringComparer.Ordinal);

        foreach (var (panel, expr) in Dashboard.Queries)
        {
            var names = PromQlNames.In(expr);
            names.Should().NotBeEmpty("panel '{0}' must read some series: {1}", panel, expr);
            names.Should().BeSubsetOf(known, "panel '{0}' queries {1}", panel, expr);
        }
    }

    [Fact]
    public void EveryQuery_FiltersByTheReleaseVariable()
    {
        foreach (var (panel, expr) in Dashboard.Queries)
        {
            // Shop-wide series (the total cost and the budget) have no release label to filter on.
            if (PromQlNames.In(expr).All(n => n.StartsWith("mirt:", StringComparison.Ordinal)))
            {
                continue;
            }

            expr.Should().Contain("release=~\"$release\"", "panel '{0}' must follow the release picker", panel);
        }
    }

    [Fact]
    public void Dashboard_ShowsEverySeriesAnAlertWatches()
    {
        var shown = Dashboard.Queries.SelectMany(q => PromQlNames.In(q.Expr)).ToHashSet(StringComparer.Ordinal);
        var watched = Rules.Alerts.SelectMany(a => PromQlNames.In(a.Expr));

        shown.Should().Contain(watched);
        shown.Should().Contain(["orders_total", "turns_total", "escalations_total", "llm_tokens_total"]);
    }

    [Fact]
    public async Task EveryQuery_IsPromQlThatPromtoolAccepts()
    {
        // promtool has no "check query"; a rule file recording every panel query makes it parse them all.
        var rules = new StringBuilder("groups:\n  - name: dashboard\n    rules:\n");
        var i = 0;
        foreach (var (_, expr) in Dashboard.Queries)
        {
            var concrete = expr.Replace("$release", ".*", StringComparison.Ordinal);
            rules.Append("      - record: dashboard:query_").Append(i++).Append('\n')
                .Append("        expr: '").Append(concrete.Replace("'", "''", StringComparison.Ordinal)).Append("'\n");
        }

        using var sandbox = new RuleSandbox(rules.ToString());
        var result = await Promtool.CheckRulesAsync(sandbox.AlertRules);

        result.ExitCode.Should().Be(0, result.Output);
    }
}
