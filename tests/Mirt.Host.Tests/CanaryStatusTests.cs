using System.Diagnostics;
using Mirt.Sales.Releases;
using Mirt.Testing;
using Xunit.Abstractions;

namespace Mirt.Host.Tests;

/// <summary>
/// The issue's "Done when": one real host serves stable and canary side by side, and <c>mirt canary status</c>, run as
/// a real process against its <c>/metrics</c>, says PROMOTE for a healthy canary and ROLLBACK for a slow one.
/// </summary>
public sealed class CanaryStatusTests(ITestOutputHelper output) : IDisposable
{
    private const string Percent = "50";
    private static readonly string[] Conversation = ["Шукаю сукню", "зріст 118", "рожевий"];

    private readonly string _dataDir = Directory.CreateTempSubdirectory("mirt-canary-").FullName;
    private readonly CanaryPrompts _canaryPrompts = new();

    // Bucket below 5000 = canary at 50 %. Two stable-bucket ids are allow-listed, so they prove the allow-list.
    private readonly string[] _stable = [.. Subscribers(canaryBucket: false).Skip(2).Take(10)];
    private readonly string[] _canary = [.. Subscribers(canaryBucket: true).Take(8), .. Subscribers(canaryBucket: false).Take(2)];
    private readonly string _warmUp = Subscribers(canaryBucket: false).ElementAt(12);

    public void Dispose()
    {
        _canaryPrompts.Dispose();
        Directory.Delete(_dataDir, recursive: true);
    }

    [Fact]
    public async Task Status_HealthyCanaryServedSideBySide_Promotes()
    {
        await using var host = await StartHostAsync(faultDelayMs: 0);
        await WarmUpOnStableAsync(host);

        // Sequential and interleaved, so both releases see the same machine.
        foreach (var message in Conversation)
        {
            for (var i = 0; i < _stable.Length; i++)
            {
                await SayAsync(host, _stable[i], message, expectCanary: false);
                await SayAsync(host, _canary[i], message, expectCanary: true);
            }
        }

        var (exit, stdout, stderr) = await MirtAsync("canary", "status", "--metrics", Metrics(host), "--min-turns", "30");

        WriteTurnLines(host);
        exit.Should().Be(0, $"{stdout}\n{stderr}");
        Lines(stdout)[^1].Should().Be("PROMOTE");
        stdout.Should().MatchRegex(@"stable\s+33\s").And.MatchRegex(@"canary\s+30\s");

        var (waitExit, waitOut, _) = await MirtAsync("canary", "status", "--metrics", Metrics(host), "--min-turns", "1000");
        waitExit.Should().Be(4);
        Lines(waitOut)[^1].Should().Be("WAIT");

        var (sloExit, sloOut, sloErr) = await MirtAsync("slo", "--from", Metrics(host));
        sloExit.Should().Be(0, sloErr);
        sloOut.Should().Contain("end-to-end p95").And.Contain("availability").And.Contain("100.00%");
        host.Log.Should().Contain("release=canary").And.Contain("release=stable").And.Contain("canary percent=50 allow_listed=2");
    }

    [Fact]
    public async Task Status_CanaryWithInjectedLatency_RollsBack()
    {
        await using var host = await StartHostAsync(faultDelayMs: 2500);
        await WarmUpOnStableAsync(host);
        foreach (var message in Conversation[..2])
        {
            foreach (var subscriber in _stable)
            {
                await SayAsync(host, subscriber, message, expectCanary: false);
            }
        }

        // Every canary turn waits 2.5 s: in parallel, so the test stays short.
        await Task.WhenAll(_canary.Select(subscriber => SayAsync(host, subscriber, Conversation[0], expectCanary: true)));

        var (exit, stdout, stderr) = await MirtAsync("canary", "status", "--metrics", Metrics(host), "--min-turns", "10");

        WriteTurnLines(host);
        exit.Should().Be(3, $"{stdout}\n{stderr}");
        Lines(stdout)[^1].Should().Be("ROLLBACK");
        stdout.Should().Contain("- canary p95").And.Contain("- canary p99");
        host.Log.Should().Contain("FAULT INJECTION ON").And.Contain("2500 ms");
    }

    [Fact]
    public async Task Rollback_PercentZeroOnRestart_ContinuesCanaryConversationOnStable()
    {
        var tester = _canary[0];
        await using (var before = await StartHostAsync(faultDelayMs: 0))
        {
            await SayAsync(before, tester, Conversation[0], expectCanary: true);
            await SayAsync(before, tester, Conversation[1], expectCanary: true);
        }

        await using var after = await HostProcess.StartAsync(_dataDir, environment: new Dictionary<string, string> { ["MIRT_CANARY_PERCENT"] = "0" });
        var (status, body) = await WebhookClient.PostAsync(after.Address, WebhookClient.Message(tester, Conversation[2]));

        status.Should().Be(200);
        var texts = WebhookClient.Texts(body);
        texts.Should().NotContain(t => t.Contains(CanaryPrompts.Marker, StringComparison.Ordinal));
        texts.Should().Contain(t => t.Contains("110-116", StringComparison.Ordinal), "the colour answer continues to the offer for the height given on the canary");
        after.Log.Should().Contain($"thread={tester} release=stable").And.Contain("phase=OFFER_MADE");
    }

    [Theory]
    [InlineData("canary")]
    [InlineData("canary status")]
    [InlineData("canary status --metrics not-a-url")]
    [InlineData("canary status --metrics http://127.0.0.1:9/metrics --min-turns many")]
    [InlineData("canary status --metrics http://127.0.0.1:9/metrics --verbose")]
    [InlineData("slo")]
    [InlineData("slo --from ftp://example.com/metrics")]
    public async Task Commands_Misused_Exit2WithUsage(string command)
    {
        var (exit, _, stderr) = await MirtAsync(command.Split(' '));

        exit.Should().Be(2);
        stderr.Should().Contain("usage: mirt");
    }

    [Theory]
    [InlineData("canary", "status", "--metrics")]
    [InlineData("slo", "--from")]
    public async Task Commands_UnreachableMetrics_Exit2NamingTheUrl(params string[] command)
    {
        var (exit, _, stderr) = await MirtAsync([.. command, "http://127.0.0.1:9/metrics"]);

        exit.Should().Be(2);
        stderr.Should().Contain("http://127.0.0.1:9/metrics could not be reached");
    }

    /// <summary>The first turns of a fresh process pay for JIT compilation (several hundred ms); stable carries them
    /// so a healthy canary is not judged on them.</summary>
    private async Task WarmUpOnStableAsync(HostProcess host)
    {
        foreach (var message in Conversation)
        {
            await SayAsync(host, _warmUp, message, expectCanary: false);
        }
    }

    /// <summary>Shows each turn's release and latency from the host's log, to judge a failure.</summary>
    private void WriteTurnLines(HostProcess host)
    {
        foreach (var line in host.Log.Split('\n').Where(l => l.Contains("turn thread=", StringComparison.Ordinal)))
        {
            output.WriteLine(line[line.IndexOf("turn thread=", StringComparison.Ordinal)..]);
        }
    }

    private static IEnumerable<string> Subscribers(bool canaryBucket) =>
        Enumerable.Range(0, 1000).Select(i => $"canary-test-{i}").Where(s => ReleaseAssignment.BucketOf(s) < 5000 == canaryBucket);

    private static string Metrics(HostProcess host) => new Uri(host.Address, "/metrics").ToString();

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static async Task SayAsync(HostProcess host, string subscriber, string text, bool expectCanary)
    {
        var (status, body) = await WebhookClient.PostAsync(host.Address, WebhookClient.Message(subscriber, text));
        status.Should().Be(200);
        WebhookClient.Texts(body).Should().OnlyContain(
            t => t.StartsWith(CanaryPrompts.Marker, StringComparison.Ordinal) == expectCanary,
            $"{subscriber} is served by {(expectCanary ? "canary" : "stable")}");
    }

    private Task<HostProcess> StartHostAsync(int faultDelayMs) =>
        HostProcess.StartAsync(_dataDir, environment: new Dictionary<string, string>
        {
            ["MIRT_CANARY_PERCENT"] = Percent,
            ["MIRT_CANARY_ALLOW"] = string.Join(",", _canary[^2..]),
            ["MIRT_CANARY_PROMPTS_DIR"] = _canaryPrompts.Directory,
            ["MIRT_CANARY_FAULT_DELAY_MS"] = faultDelayMs.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });

    private async Task<(int Exit, string Stdout, string Stderr)> MirtAsync(params string[] args)
    {
        using var process = Process.Start(HostProcess.StartInfo(_dataDir, args))!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.StandardInput.Close();
        await process.WaitForExitAsync();
        output.WriteLine($"$ mirt {string.Join(' ', args)}  -> exit {process.ExitCode}\n{await stdout}{await stderr}");
        return (process.ExitCode, await stdout, await stderr);
    }
}
