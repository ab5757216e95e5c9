using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Mirt.Ops.Tests;

/// <summary>A Prometheus rule file (<c>ops/prometheus/alerts.yml</c>) as data: its groups and rules.</summary>
internal sealed class AlertRuleFile
{
    public List<RuleGroup> Groups { get; set; } = [];

    public IEnumerable<Rule> Rules => Groups.SelectMany(g => g.Rules);

    public IReadOnlyList<Rule> Alerts => Rules.Where(r => r.Alert is not null).ToArray();

    public IReadOnlyList<string> RecordedNames => Rules.Where(r => r.Record is not null).Select(r => r.Record!).ToArray();

    public static AlertRuleFile Load(string path) =>
        new DeserializerBuilder()
            .WithNamingConvention(UnderscoredNamingConvention.Instance)
            .IgnoreUnmatchedProperties()
            .Build()
            .Deserialize<AlertRuleFile>(File.ReadAllText(path));

    internal sealed class RuleGroup
    {
        public string Name { get; set; } = string.Empty;

        public List<Rule> Rules { get; set; } = [];
    }

    internal sealed class Rule
    {
        public string? Record { get; set; }

        public string? Alert { get; set; }

        public string Expr { get; set; } = string.Empty;

        public string? For { get; set; }

        public Dictionary<string, string> Labels { get; set; } = [];

        public Dictionary<string, string> Annotations { get; set; } = [];
    }
}
