using Mirt.Testing;

namespace Mirt.Ops.Tests;

/// <summary>Where the operations files live in the repository.</summary>
internal static class OpsFiles
{
    public static string AlertRules => Path.Combine(RepoPaths.Root, "ops", "prometheus", "alerts.yml");

    public static string RuleTestsDirectory => Path.Combine(RepoPaths.Root, "ops", "prometheus", "tests");

    public static IReadOnlyList<string> RuleTests =>
        Directory.GetFiles(RuleTestsDirectory, "*.yml").Order(StringComparer.Ordinal).ToArray();

    public static string Dashboard => Path.Combine(RepoPaths.Root, "ops", "grafana", "mirt.json");

    public static string Runbook => Path.Combine(RepoPaths.Root, "docs", "RUNBOOK.md");

    public static string Operations => Path.Combine(RepoPaths.Root, "docs", "OPERATIONS.md");

    public static string DeliverySettings => Path.Combine(RepoPaths.Src, "Mirt.Host", "Delivery", "DeliverySettings.cs");
}
