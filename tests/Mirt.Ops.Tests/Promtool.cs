namespace Mirt.Ops.Tests;

/// <summary>
/// Runs Prometheus's <c>promtool</c> (Debian's prometheus package; <c>scripts/install-test-deps</c> installs it).
/// </summary>
internal static class Promtool
{
    public static Task<CommandResult> CheckRulesAsync(string rulesFile) =>
        RunAsync(Path.GetDirectoryName(rulesFile)!, "check", "rules", rulesFile);

    /// <summary>Runs <c>promtool test rules</c> on test files; their <c>rule_files</c> are relative to each file.</summary>
    public static Task<CommandResult> TestRulesAsync(IEnumerable<string> testFiles)
    {
        var files = testFiles.ToArray();
        return RunAsync(Path.GetDirectoryName(files[0])!, ["test", "rules", .. files]);
    }

    private static Task<CommandResult> RunAsync(string workingDirectory, params string[] arguments)
    {
        var program = Find() ?? throw new InvalidOperationException(
            "promtool is not installed; run `bash scripts/install-test-deps` as root (Debian: apt-get install prometheus).");
        return CommandLine.RunAsync(program, arguments, workingDirectory);
    }

    private static string? Find() =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Append("/usr/bin")
            .Select(dir => Path.Combine(dir, "promtool"))
            .FirstOrDefault(File.Exists);
}
