using System.Text.RegularExpressions;
using Mirt.Testing;

namespace Mirt.Ops.Tests;

/// <summary>
/// <c>docs/OPERATIONS.md</c> stays true to the code: a settings-table row for every setting the delivery and ManyChat
/// code reads, with the default <c>DeliverySettings</c> states in its XML docs, no setting the code does not read, and
/// links that land on a heading.
/// </summary>
public sealed partial class OperationsDocumentTests
{
    private static readonly string Text = File.ReadAllText(OpsFiles.Operations);

    [Fact]
    public void SettingsTables_HaveARowForEverySettingTheDeliveryAndManyChatCodeReads()
    {
        var folders = new[] { Path.Combine(RepoPaths.Src, "Mirt.Host", "Delivery"), Path.Combine(RepoPaths.Src, "Mirt.Host", "ManyChat") };
        var read = folders
            .SelectMany(folder => Directory.EnumerateFiles(folder, "*.cs"))
            .SelectMany(file => QuotedSetting().Matches(File.ReadAllText(file)).Select(m => m.Groups["name"].Value))
            .Distinct()
            .ToArray();

        read.Should().Contain(["MIRT_REPLY_MODE", "MIRT_ADMIN_TOKEN", "MIRT_MANYCHAT_API_KEY"]);
        SettingRows().Keys.Should().Contain(read, "every setting the code reads needs a row with its default in docs/OPERATIONS.md");
    }

    [Fact]
    public void Document_NamesOnlySettingsTheCodeReads()
    {
        var code = string.Join('\n', Directory.EnumerateFiles(RepoPaths.Src, "*.cs", SearchOption.AllDirectories).Select(File.ReadAllText));

        foreach (var setting in AnySetting().Matches(Text).Select(m => m.Value).Distinct())
        {
            code.Should().Contain($"\"{setting}\"", "docs/OPERATIONS.md tells operators to set {0}", setting);
        }
    }

    [Fact]
    public void SettingsTable_StatesEachDefaultAsDeliverySettingsDoes()
    {
        var rows = SettingRows();
        var documented = DocumentedDefaults(File.ReadAllText(OpsFiles.DeliverySettings));

        documented.Should().ContainKeys("MIRT_REPLY_MODE", "MIRT_REPLY_DEADLINE_MS", "MIRT_FOLLOWUP_STATES", "MIRT_INTENT_FIELD");
        foreach (var (setting, value) in documented)
        {
            rows.Should().ContainKey(setting);
            Regex.IsMatch(rows[setting], $@"(?<![\w,]){Regex.Escape(value)}(?![\w,])").Should().BeTrue(
                "DeliverySettings.cs says {0} defaults to {1}, but docs/OPERATIONS.md says '{2}'", setting, value, rows[setting]);
        }
    }

    [Fact]
    public void Links_LandOnAHeading()
    {
        var own = RunbookDocument.Load(OpsFiles.Operations).Anchors;
        var runbook = RunbookDocument.Load(OpsFiles.Runbook).Anchors;

        foreach (Match link in Link().Matches(Text))
        {
            var anchors = link.Groups["file"].Value switch
            {
                "" => own,
                "RUNBOOK.md" => runbook,
                _ => null,
            };
            anchors?.Should().Contain(link.Groups["anchor"].Value, "docs/OPERATIONS.md links to {0}", link.Value);
        }
    }

    // The rows of the settings tables: `| `MIRT_X` | default | meaning |`, by setting.
    private static Dictionary<string, string> SettingRows() =>
        SettingRow().Matches(Text).ToDictionary(m => m.Groups["name"].Value, m => m.Groups["default"].Value.Replace("`", string.Empty, StringComparison.Ordinal));

    // From each XML doc block that names settings in <c>…</c> and has "<value>The default(s) is/are …</value>": the
    // defaults in the order of the settings (<c>…</c> values, else the first number without separators, else the enum
    // member of a <see cref>). A block without a stated default (a token, an optional override) is skipped.
    private static Dictionary<string, string> DocumentedDefaults(string source)
    {
        var defaults = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (Match block in DocBlock().Matches(source))
        {
            var doc = block.Value;
            var value = DefaultValue().Match(doc);
            if (!value.Success)
            {
                continue;
            }

            var names = CodeSetting().Matches(doc[..value.Index]).Select(m => m.Groups["name"].Value).Distinct().ToArray();
            var text = value.Groups["text"].Value;
            var tokens = CodeValue().Matches(text).Select(m => m.Groups["value"].Value).ToList();
            if (tokens.Count == 0 && Number().Match(text) is { Success: true } number)
            {
                tokens.Add(number.Value.Replace(",", string.Empty, StringComparison.Ordinal));
            }

            if (tokens.Count == 0 && EnumMember().Match(text) is { Success: true } member)
            {
                tokens.Add(member.Groups["member"].Value.ToLowerInvariant());
            }

            for (var i = 0; i < names.Length && i < tokens.Count; i++)
            {
                defaults[names[i]] = tokens[i];
            }
        }

        return defaults;
    }

    [GeneratedRegex("\"(?<name>MIRT_[A-Z_]+[A-Z])\"")]
    private static partial Regex QuotedSetting();

    [GeneratedRegex(@"\bMIRT_[A-Z_]+[A-Z]\b")]
    private static partial Regex AnySetting();

    [GeneratedRegex(@"^\| `(?<name>MIRT_[A-Z_]+)` \| (?<default>[^|]+) \|", RegexOptions.Multiline)]
    private static partial Regex SettingRow();

    [GeneratedRegex(@"\]\((?<file>[A-Z]+\.md)?#(?<anchor>[a-z0-9_-]+)\)")]
    private static partial Regex Link();

    [GeneratedRegex(@"(?:^[ \t]*///.*\n)+", RegexOptions.Multiline)]
    private static partial Regex DocBlock();

    [GeneratedRegex(@"<value>The defaults? (?:is|are) (?<text>.*?)</value>", RegexOptions.Singleline)]
    private static partial Regex DefaultValue();

    [GeneratedRegex(@"<c>(?<name>MIRT_[A-Z_]+)</c>")]
    private static partial Regex CodeSetting();

    [GeneratedRegex(@"<c>(?<value>[^<]+)</c>")]
    private static partial Regex CodeValue();

    [GeneratedRegex(@"\d[\d,]*\d|\d")]
    private static partial Regex Number();

    [GeneratedRegex(@"<see cref=""\w+\.(?<member>\w+)""\s*/>")]
    private static partial Regex EnumMember();
}
