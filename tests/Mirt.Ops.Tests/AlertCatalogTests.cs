using System.Globalization;

namespace Mirt.Ops.Tests;

/// <summary>
/// What every alert in <c>ops/prometheus/alerts.yml</c> must carry for the person it wakes up, and that its unit
/// tests show it both firing and silent.
/// </summary>
public sealed class AlertCatalogTests
{
    private static readonly AlertRuleFile Rules = AlertRuleFile.Load(OpsFiles.AlertRules);

    /// <summary>The one alert that compares with a recorded budget instead of a number.</summary>
    private const string BudgetAlert = "MirtLlmCostPerDayHigh";

    public static TheoryData<string> AlertNames()
    {
        var data = new TheoryData<string>();
        foreach (var alert in AlertRuleFile.Load(OpsFiles.AlertRules).Alerts)
        {
            data.Add(alert.Alert!);
        }

        return data;
    }

    [Fact]
    public void TheRules_CoverEverySloAndBudgetOfTheRunbook()
    {
        Rules.Alerts.Select(a => a.Alert).Should().BeEquivalentTo(
            "MirtEndToEndLatencyP95High", "MirtEndToEndLatencyP99High", "MirtVisionLatencyP95High",
            "MirtCheckpointerLatencyP95High", "MirtCheckpointerLatencyP99High",
            "MirtLlmLatencyP95High", "MirtLlmLatencyP99High",
            "MirtValidationErrorsHigh", "MirtModerationBlocksHigh", "MirtCheckpointerErrorsHigh", "MirtLlmErrorsHigh",
            "MirtAvailabilityLow", "MirtAutomationRateLow", "MirtEscalationRateHigh", "MirtLlmCostPerDayHigh",
            "MirtDeliveryBacklogStale", "MirtPushBacklogStale", "MirtPushFailures", "MirtPushUncertain",
            "MirtTurnsGivenUp", "MirtHandoffsWaiting");
    }

    [Theory]
    [MemberData(nameof(AlertNames))]
    public void Alert_HasSeverityWaitAndAnnotations(string name)
    {
        var alert = Alert(name);

        alert.Labels.Should().ContainKey("severity").WhoseValue.Should().BeOneOf("warning", "critical");
        alert.For.Should().NotBeNullOrEmpty("a single bad scrape must not page anyone");
        alert.Annotations.Should().ContainKeys("summary", "description", "runbook_url");
        alert.Annotations["summary"].Should().NotBeNullOrWhiteSpace();
        alert.Annotations["description"].Should().NotBeNullOrWhiteSpace();
    }

    [Theory]
    [MemberData(nameof(AlertNames))]
    public void Alert_RunbookUrlPointsAtItsSectionOfTheRunbook(string name)
    {
        var url = Alert(name).Annotations["runbook_url"];

        url.Should().Be($"docs/RUNBOOK.md#{name.ToLowerInvariant()}");
        RunbookDocument.Load(OpsFiles.Runbook).Anchors.Should().Contain(url.Split('#')[1], "docs/RUNBOOK.md needs a heading '{0}'", name);
    }

    [Theory]
    [MemberData(nameof(AlertNames))]
    public void Alert_DescriptionStatesTheThresholdItsExpressionUses(string name)
    {
        var alert = Alert(name);
        if (!AlertThresholds.TryRead(alert.Expr, out var series, out var comparison, out var threshold))
        {
            name.Should().Be(BudgetAlert, "only the cost alert compares with a recorded budget instead of a number");
            return;
        }

        // The series name says the unit: latencies and ages in ms, ratios (fractions of 1) said as percentages,
        // anything else a count, said as "above N" or "below N".
        var said = series.Contains("_ms", StringComparison.Ordinal)
            ? threshold.ToString("0", CultureInfo.InvariantCulture) + " ms"
            : series.Contains("ratio", StringComparison.Ordinal)
                ? (threshold * 100).ToString("0.##", CultureInfo.InvariantCulture) + " %"
                : (comparison == ">" ? "above " : "below ") + threshold.ToString("0.##", CultureInfo.InvariantCulture);
        alert.Annotations["description"].Should().Contain(said);
    }

    [Theory]
    [MemberData(nameof(AlertNames))]
    public void Alert_IsUnitTestedFiringOnOneReleaseAndSilentOnAnother(string name)
    {
        var expectations = OpsFiles.RuleTests
            .SelectMany(file => RuleTestFile.Load(file).Tests)
            .SelectMany(group => group.AlertRuleTest)
            .Where(e => e.Alertname == name)
            .ToArray();

        var firing = expectations.SelectMany(e => e.ExpAlerts).ToArray();
        firing.Should().NotBeEmpty("a test must show {0} firing", name);
        expectations.Should().Contain(e => e.ExpAlerts.Count == 0, "a test must show {0} silent", name);
        if (IsShopWide(name))
        {
            firing.Should().OnlyContain(a => !a.ExpLabels.ContainsKey("release"), "{0} reads only shop-wide series", name);
        }
        else
        {
            firing.Should().OnlyContain(a => a.ExpLabels.ContainsKey("release"), "{0} alerts per release", name);
            firing.Select(a => a.ExpLabels["release"]).Distinct().Should().HaveCount(1, "stable must stay silent while canary breaches");
        }
    }

    [Fact]
    public void EveryPerReleaseRecordingRule_KeepsTheReleaseLabel()
    {
        var perRelease = Rules.Rules.Where(r => r.Record?.StartsWith("release", StringComparison.Ordinal) == true).ToArray();

        perRelease.Should().NotBeEmpty();
        foreach (var rule in perRelease)
        {
            rule.Expr.Should().MatchRegex(@"by \((le, )?release", "{0} is named per release", rule.Record);
            rule.Expr.Should().NotContain("sum(", "{0} must not add the releases together", rule.Record);
        }
    }

    [Fact]
    public void ShopWideAlerts_AreTheBudgetAndTheDeliveryStoreGauges()
    {
        // Everything else alerts per release; only series with no release label to keep may be read shop-wide.
        Rules.Alerts.Where(a => IsShopWide(a.Alert!)).Select(a => a.Alert).Should().BeEquivalentTo(
            BudgetAlert, "MirtDeliveryBacklogStale", "MirtPushBacklogStale", "MirtHandoffsWaiting");
    }

    private static AlertRuleFile.Rule Alert(string name) => Rules.Alerts.Single(a => a.Alert == name);

    // A shop-wide alert reads only `mirt:` recording rules: the LLM budget and the delivery store's gauges.
    private static bool IsShopWide(string name) =>
        PromQlNames.In(Alert(name).Expr).All(n => n.StartsWith("mirt:", StringComparison.Ordinal));
}
