using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Mirt.Host.Tests.Metrics;

/// <summary>
/// Runs <c>promtool check metrics</c> (Debian's prometheus package, 2.42) on an exposition and sorts what it says.
/// </summary>
/// <remarks>
/// promtool 2.42 writes everything to standard error. A parse failure is one line
/// <c>error while linting: text format parsing error in line N: …</c> and exit code 1; lint problems are one line each,
/// <c>&lt;metric&gt; &lt;problem&gt;</c>, and exit code 3. Our histogram names end in <c>_ms</c> because operators' alert
/// rules and the seed runbook use those names, so the one problem tolerated is
/// <c>&lt;metric&gt; metric names should not contain abbreviated units</c>.
/// </remarks>
internal sealed partial record PromtoolMetricsCheck(int ExitCode, IReadOnlyList<string> Lines)
{
    /// <summary>Gets the lines other than the tolerated unit-abbreviation ones.</summary>
    public IReadOnlyList<string> Problems => [.. Lines.Where(l => !AbbreviatedUnit().IsMatch(l))];

    /// <summary>Gets a value indicating whether promtool accepted the exposition apart from the tolerated lint.</summary>
    public bool Passed => (ExitCode == 0 || ExitCode == 3) && Problems.Count == 0;

    /// <summary>Finds promtool on PATH (or in /usr/bin).</summary>
    public static string? Find() =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Append("/usr/bin")
            .Select(dir => Path.Combine(dir, "promtool"))
            .FirstOrDefault(File.Exists);

    public static async Task<PromtoolMetricsCheck> RunAsync(string promtool, string exposition)
    {
        var info = new ProcessStartInfo(promtool)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add("check");
        info.ArgumentList.Add("metrics");
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.StandardInput.WriteAsync(exposition);
        process.StandardInput.Close();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await process.WaitForExitAsync(timeout.Token);
        var lines = ((await stdout) + (await stderr)).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return new PromtoolMetricsCheck(process.ExitCode, lines);
    }

    [GeneratedRegex(@"^[a-zA-Z_:][a-zA-Z0-9_:]* metric names should not contain abbreviated units$")]
    private static partial Regex AbbreviatedUnit();
}
