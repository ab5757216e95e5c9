using Mirt.Prompts.Linting;
using Mirt.Prompts.Loading;

namespace Mirt.Prompts;

/// <summary>
/// Reviews a prompts directory for CI and editors: everything <see cref="PromptLibrary.Load"/> checks, plus size
/// budgets, rule text copied between files and template files nobody renders.
/// </summary>
/// <remarks>Stateless and thread-safe.</remarks>
public static class PromptLinter
{
    /// <summary>Lists every problem in the prompts directory instead of throwing.</summary>
    /// <param name="directory">The prompts directory, absolute or relative to the current directory.</param>
    /// <param name="templates">The templates the application renders and their model types.</param>
    /// <param name="options">Tunes the extra checks; <see langword="null"/> uses the defaults of <see cref="PromptLintOptions"/>.</param>
    /// <returns>
    /// The problems ordered by file, line and column; empty when the directory is clean. Besides the load problems: a
    /// template over its budget (<see cref="PromptLintOptions.BudgetFor"/>) with its partials expanded (line 1); each place where a
    /// trimmed line of at least 40 characters that is not only tags appears in two different files; each file
    /// outside <c>shared/</c> that no descriptor names (line 1).
    /// </returns>
    /// <exception cref="ArgumentException"><paramref name="directory"/> is empty, or a descriptor is null, badly named or repeated.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="directory"/> or <paramref name="templates"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><see cref="PromptLintOptions.MaxTemplateBytes"/> or a value of <see cref="PromptLintOptions.TemplateBudgets"/> is zero or negative.</exception>
    /// <exception cref="DirectoryNotFoundException"><paramref name="directory"/> does not exist.</exception>
    public static IReadOnlyList<PromptProblem> Lint(
        string directory,
        IEnumerable<TemplateDescriptor> templates,
        PromptLintOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        ArgumentNullException.ThrowIfNull(templates);
        options ??= new PromptLintOptions();
        options.Validate();

        var analysis = PromptAnalysis.Run(directory, templates);
        SizeBudgetRule.Check(analysis.Sources, options, analysis.Problems);
        DuplicateLineRule.Check(analysis.Sources, analysis.Problems);
        UnusedTemplateRule.Check(analysis.Sources, analysis.Descriptors, analysis.Problems);
        return analysis.Problems.ToSortedList();
    }
}
