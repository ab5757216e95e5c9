using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Mirt.Ops.Tests;

/// <summary>A <c>promtool test rules</c> file as data: its test groups and what each expects of which alert.</summary>
internal sealed class RuleTestFile
{
    public List<string> RuleFiles { get; set; } = [];

    public List<TestGroup> Tests { get; set; } = [];

    public static RuleTestFile Load(string path) =>
        new DeserializerBuilder()
            .WithNamingConvention(UnderscoredNamingConvention.Instance)
            .IgnoreUnmatchedProperties()
            .Build()
            .Deserialize<RuleTestFile>(File.ReadAllText(path));

    internal sealed class TestGroup
    {
        public string Name { get; set; } = string.Empty;

        public List<AlertExpectation> AlertRuleTest { get; set; } = [];
    }

    /// <summary>At one evaluation time, exactly these alerts of one name fire (none when the list is empty).</summary>
    internal sealed class AlertExpectation
    {
        public string EvalTime { get; set; } = string.Empty;

        public string Alertname { get; set; } = string.Empty;

        public List<ExpectedAlert> ExpAlerts { get; set; } = [];
    }

    internal sealed class ExpectedAlert
    {
        public Dictionary<string, string> ExpLabels { get; set; } = [];

        public Dictionary<string, string> ExpAnnotations { get; set; } = [];
    }
}
