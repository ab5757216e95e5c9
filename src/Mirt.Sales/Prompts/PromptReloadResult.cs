using Mirt.Prompts;

namespace Mirt.Sales.Prompts;

/// <summary>Tells what <see cref="PromptReplyRenderer.Reload"/> did.</summary>
/// <param name="Problems">Lists the problems that kept the previous templates, ordered by file, line and column;
/// empty when the new templates are in use.</param>
/// <param name="TemplateCount">Gives the number of templates in use after the reload.</param>
public sealed record PromptReloadResult(IReadOnlyList<PromptProblem> Problems, int TemplateCount)
{
    /// <summary>Gets a value indicating whether the new templates are in use.</summary>
    public bool Applied => Problems.Count == 0;
}
