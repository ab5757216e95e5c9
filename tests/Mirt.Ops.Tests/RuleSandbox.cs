namespace Mirt.Ops.Tests;

/// <summary>
/// A throwaway copy of <c>ops/prometheus</c> (the rule file and its unit tests, same layout) with a changed rule file,
/// for showing that promtool rejects what it should.
/// </summary>
internal sealed class RuleSandbox : IDisposable
{
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("mirt-rules-");

    public RuleSandbox(string alertRules)
    {
        File.WriteAllText(AlertRules, alertRules);
        Directory.CreateDirectory(Path.Combine(_root.FullName, "tests"));
        foreach (var test in OpsFiles.RuleTests)
        {
            File.Copy(test, Path.Combine(_root.FullName, "tests", Path.GetFileName(test)));
        }
    }

    public string AlertRules => Path.Combine(_root.FullName, "alerts.yml");

    public IReadOnlyList<string> RuleTests => Directory.GetFiles(Path.Combine(_root.FullName, "tests"), "*.yml");

    /// <summary>Copies the real rule file with the first occurrence of <paramref name="original"/> replaced.</summary>
    public static RuleSandbox WithReplaced(string original, string replacement)
    {
        var text = File.ReadAllText(OpsFiles.AlertRules);
        var at = text.IndexOf(original, StringComparison.Ordinal);
        if (at < 0)
        {
            throw new InvalidOperationException($"'{original}' is not in alerts.yml any more; update the test that breaks it.");
        }

        return new RuleSandbox(string.Concat(text.AsSpan(0, at), replacement, text.AsSpan(at + original.Length)));
    }

    public void Dispose() => _root.Delete(recursive: true);
}
