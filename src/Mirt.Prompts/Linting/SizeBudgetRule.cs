using System.Text;
using Mirt.Prompts.Loading;

namespace Mirt.Prompts.Linting;

/// <summary>Reports templates whose text, with every included partial expanded, is over the byte budget.</summary>
internal static class SizeBudgetRule
{
    private const int MaxDepth = 16;

    /// <summary>Checks every source against its budget in UTF-8 bytes.</summary>
    public static void Check(IReadOnlyList<PromptSource> sources, PromptLintOptions options, ProblemCollector problems)
    {
        var partials = sources.Where(s => s.IsShared).ToDictionary(s => s.PartialName!, StringComparer.Ordinal);
        foreach (var source in sources)
        {
            var bytes = SizeOf(source, partials, depth: 0);
            var maxBytes = options.BudgetFor(source.Name);
            if (bytes > maxBytes)
            {
                problems.Add(
                    source.RelativePath,
                    $"the template is {bytes} UTF-8 bytes with its partials, over the budget of {maxBytes}; shorten it or split it into smaller templates");
            }
        }
    }

    private static int SizeOf(PromptSource source, Dictionary<string, PromptSource> partials, int depth)
    {
        var bytes = Encoding.UTF8.GetByteCount(source.Text);
        if (depth >= MaxDepth)
        {
            return bytes;
        }

        foreach (var name in PartialReferences.In(source.Text))
        {
            if (partials.TryGetValue(name, out var partial))
            {
                bytes += SizeOf(partial, partials, depth + 1);
            }
        }

        return bytes;
    }
}
