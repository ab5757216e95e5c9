using System.Text.RegularExpressions;
using Mirt.Testing;

namespace Mirt.Architecture.Tests;

/// <summary>
/// Keeps every sentence the bot says in prompts/ and every keyword in the rules' data files: no Cyrillic may
/// appear in C# under src/ (DEVELOPERS.md, issue 2).
/// </summary>
public sealed partial class SourceTextTests
{
    [Fact]
    public void CSharpSources_ContainNoCyrillic()
    {
        var offenders = Directory.GetFiles(RepoPaths.Src, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (File: f, Line: i + 1, Text: line)))
            .Where(l => Cyrillic().IsMatch(l.Text))
            .Select(l => $"{Path.GetRelativePath(RepoPaths.Root, l.File)}:{l.Line}")
            .ToList();

        offenders.Should().BeEmpty("texts belong in prompts/ and keywords in src/Mirt.Rules/Data/*.json");
    }

    [Fact]
    public void CyrillicData_LivesOnlyInRulesDataAndPrompts()
    {
        var offenders = Directory.GetFiles(RepoPaths.Src, "*", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                     && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                     && !f.Contains(Path.Combine("Mirt.Rules", "Data"), StringComparison.Ordinal)
                     && !f.EndsWith(".md", StringComparison.Ordinal))
            .Where(f => Cyrillic().IsMatch(File.ReadAllText(f)))
            .Select(f => Path.GetRelativePath(RepoPaths.Root, f))
            .ToList();

        offenders.Should().BeEmpty();
    }

    [Fact]
    public void Detector_FindsCyrillicWhenPresent() => Cyrillic().IsMatch("var s = \"\u043f\u0440\u0438\u0432\u0456\u0442\";").Should().BeTrue();

    [GeneratedRegex("[\u0400-\u04FF]")]
    private static partial Regex Cyrillic();
}
