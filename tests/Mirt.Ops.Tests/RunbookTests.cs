using System.Text.RegularExpressions;
using Mirt.Testing;

namespace Mirt.Ops.Tests;

/// <summary>
/// Every <c>```bash runnable</c> block of <c>docs/RUNBOOK.md</c> runs as written against a real host and exits 0, and
/// the runbook keeps a runnable recipe for each tool it tells the operator about.
/// </summary>
public sealed partial class RunbookTests(RunbookHost host) : IClassFixture<RunbookHost>
{
    private static readonly RunbookDocument Runbook = RunbookDocument.Load(OpsFiles.Runbook);

    public static TheoryData<int> RunnableBlockLines()
    {
        var data = new TheoryData<int>();
        foreach (var block in RunbookDocument.Load(OpsFiles.Runbook).RunnableBlocks)
        {
            data.Add(block.Line);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(RunnableBlockLines))]
    public async Task RunnableBlock_ExitsZeroAgainstARealHost(int line)
    {
        var block = Runbook.RunnableBlocks.Single(b => b.Line == line);
        await host.SaveLogAsync();

        // -e -u -o pipefail: a recipe whose first command fails must not pass on the strength of its last one.
        var result = await CommandLine.RunAsync("bash", ["-euo", "pipefail", "-c", block.Script], RepoPaths.Root, host.Environment);

        result.ExitCode.Should().Be(0, $"{block} must run as written:\n{block.Script}\n--- output ---\n{result.Output}\n--- host log (tail) ---\n{Tail(host.HostLog)}");
    }

    [Fact]
    public void Runbook_KeepsARunnableRecipeForEveryToolItNames()
    {
        var runnable = string.Join('\n', Runbook.RunnableBlocks.Select(b => b.Script));

        runnable.Should().ContainAll(
            "/health/ready", "/metrics", "promtool check metrics",
            "mirt slo --from", "mirt canary status --metrics", "mirt prune --older-than",
            "agent_step", "checkpointer", "tool_execution", "trace",
            "promtool check rules ops/prometheus/alerts.yml", "promtool test rules ops/prometheus/tests/");
    }

    [Fact]
    public void Runbook_NamesOnlySettingsTheCodeReads()
    {
        var code = string.Join('\n', Directory.EnumerateFiles(RepoPaths.Src, "*.cs", SearchOption.AllDirectories).Select(File.ReadAllText));
        var named = Setting().Matches(File.ReadAllText(OpsFiles.Runbook)).Select(m => m.Value).Distinct().ToArray();

        named.Should().Contain(["MIRT_CANARY_PERCENT", "MIRT_CANARY_ALLOW"]);
        foreach (var setting in named.Except(["MIRT_URL", "MIRT_LOG"]))
        {
            code.Should().Contain($"\"{setting}\"", "the runbook tells operators to set {0}", setting);
        }
    }

    private static string Tail(string log) => string.Join('\n', log.Split('\n').TakeLast(30));

    [GeneratedRegex(@"\bMIRT_[A-Z_]+[A-Z]\b")]
    private static partial Regex Setting();
}
