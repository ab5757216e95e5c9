namespace Mirt.Ops.Tests;

/// <summary>
/// The alert rules pass Prometheus's own checks, and those checks are not toothless: a broken copy of the rules fails
/// them. CI runs these through <c>bash scripts/test</c>.
/// </summary>
public sealed class PromtoolRulesTests
{
    [Fact]
    public async Task CheckRules_AcceptsTheAlertRules()
    {
        var result = await Promtool.CheckRulesAsync(OpsFiles.AlertRules);

        result.ExitCode.Should().Be(0, result.Output);
        result.Output.Should().Contain("SUCCESS");
    }

    [Fact]
    public async Task TestRules_EveryUnitTestPasses()
    {
        OpsFiles.RuleTests.Should().NotBeEmpty();

        var result = await Promtool.TestRulesAsync(OpsFiles.RuleTests);

        result.ExitCode.Should().Be(0, result.Output);
        result.Output.Should().NotContain("FAILED");
    }

    [Theory]
    [InlineData("an unclosed parenthesis in PromQL", "[5m])))", "[5m]))", "unclosed left parenthesis")]
    [InlineData("a duration that is not one", "for: 10m", "for: ten minutes", "not a valid duration")]
    [InlineData("a broken annotation template", "{{ $labels.release }}", "{{ $labels.release }", "template")]
    public async Task CheckRules_RejectsASyntaxError(string what, string original, string broken, string complaint)
    {
        using var sandbox = RuleSandbox.WithReplaced(original, broken);

        var check = await Promtool.CheckRulesAsync(sandbox.AlertRules);
        var test = await Promtool.TestRulesAsync(sandbox.RuleTests);

        check.ExitCode.Should().NotBe(0, $"promtool check rules must reject {what}:\n{check.Output}");
        check.Output.Should().Contain(complaint);
        test.ExitCode.Should().NotBe(0, $"promtool test rules must reject {what}:\n{test.Output}");
    }

    [Fact]
    public async Task TestRules_CatchAWrongThreshold()
    {
        // Still valid rules (check rules passes), but the text p95 SLO is 10 s, not 15 s: a canary at 12.5 s must alert.
        using var sandbox = RuleSandbox.WithReplaced("release:end_to_end_text_latency_ms:p95_5m > 10000", "release:end_to_end_text_latency_ms:p95_5m > 15000");

        var check = await Promtool.CheckRulesAsync(sandbox.AlertRules);
        var test = await Promtool.TestRulesAsync(sandbox.RuleTests);

        check.ExitCode.Should().Be(0, check.Output);
        test.ExitCode.Should().NotBe(0, test.Output);
        test.Output.Should().Contain("alertname: MirtEndToEndLatencyP95High");
    }

    [Fact]
    public async Task TestRules_PinEveryAlertFromBothSides()
    {
        // Every alert's threshold moved so it can never fire, then so it fires on any traffic: both times a unit test
        // of that very alert must fail, or the alert's tests do not really test it.
        var rules = File.ReadAllText(OpsFiles.AlertRules);
        var alerts = AlertRuleFile.Load(OpsFiles.AlertRules).Alerts.Select(a => a.Alert!).ToArray();

        foreach (var (direction, mutated) in new[] { ("never fires", AlertThresholds.NeverFiring(rules)), ("always fires", AlertThresholds.AlwaysFiring(rules)) })
        {
            using var sandbox = new RuleSandbox(mutated);
            var result = await Promtool.TestRulesAsync(sandbox.RuleTests);

            result.ExitCode.Should().NotBe(0, $"every alert {direction} now");
            foreach (var alert in alerts)
            {
                result.Output.Should().Contain($"alertname: {alert},", $"a unit test must notice when {alert} {direction}");
            }
        }
    }
}
