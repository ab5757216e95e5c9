using System.Text;
using System.Text.RegularExpressions;

namespace Mirt.Ops.Tests;

/// <summary>
/// Reads <c>docs/RUNBOOK.md</c>: its headings' anchors (as GitHub renders them) and its shell blocks marked
/// <c>```bash runnable</c>, which a test runs against a real host.
/// </summary>
internal sealed partial class RunbookDocument
{
    public const string RunnableFence = "```bash runnable";

    private RunbookDocument(IReadOnlyList<string> anchors, IReadOnlyList<RunnableBlock> blocks)
    {
        Anchors = anchors;
        RunnableBlocks = blocks;
    }

    public IReadOnlyList<string> Anchors { get; }

    public IReadOnlyList<RunnableBlock> RunnableBlocks { get; }

    public static RunbookDocument Load(string path)
    {
        var anchors = new List<string>();
        var blocks = new List<RunnableBlock>();
        string? heading = null;
        StringBuilder? block = null;
        var blockLine = 0;
        var inOtherFence = false;
        var lines = File.ReadAllLines(path);
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (block is not null)
            {
                if (line.TrimEnd() == "```")
                {
                    blocks.Add(new RunnableBlock(heading ?? "(top)", blockLine, block.ToString()));
                    block = null;
                }
                else
                {
                    block.AppendLine(line);
                }
            }
            else if (line.StartsWith("```", StringComparison.Ordinal))
            {
                if (!inOtherFence && line.TrimEnd() == RunnableFence)
                {
                    block = new StringBuilder();
                    blockLine = i + 1;
                }
                else
                {
                    inOtherFence = !inOtherFence;
                }
            }
            else if (!inOtherFence && Heading().Match(line) is { Success: true } match)
            {
                heading = match.Groups["text"].Value.Trim();
                anchors.Add(Slug(heading));
            }
        }

        return new RunbookDocument(anchors, blocks);
    }

    /// <summary>Makes the anchor GitHub gives a heading: lower case, punctuation dropped, spaces to hyphens.</summary>
    public static string Slug(string heading)
    {
        var slug = new StringBuilder();
        foreach (var c in heading.ToLowerInvariant())
        {
            if (char.IsLetterOrDigit(c) || c is '-' or '_')
            {
                slug.Append(c);
            }
            else if (c == ' ')
            {
                slug.Append('-');
            }
        }

        return slug.ToString();
    }

    [GeneratedRegex(@"^#{1,6} (?<text>.+)$")]
    private static partial Regex Heading();
}

/// <summary>One runnable shell block: the heading it is under, its first line in the file (1-based), its script.</summary>
internal sealed record RunnableBlock(string Heading, int Line, string Script)
{
    public override string ToString() => $"RUNBOOK.md:{Line} ({Heading})";
}
