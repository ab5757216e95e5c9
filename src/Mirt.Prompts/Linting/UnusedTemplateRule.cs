using Mirt.Prompts.Loading;

namespace Mirt.Prompts.Linting;

/// <summary>Reports template files outside <c>shared/</c> that no descriptor names: nobody can render them.</summary>
internal static class UnusedTemplateRule
{
    /// <summary>Reports each unused file at line 1.</summary>
    public static void Check(
        IReadOnlyList<PromptSource> sources,
        IReadOnlyDictionary<string, TemplateDescriptor> descriptors,
        ProblemCollector problems)
    {
        foreach (var source in sources)
        {
            if (!source.IsShared && !descriptors.ContainsKey(source.Name))
            {
                problems.Add(
                    source.RelativePath,
                    $"unused template: no TemplateDescriptor names '{source.Name}'; add one, move the file to shared/ if it is a partial, or delete it");
            }
        }
    }
}
