using System.Globalization;
using Mirt.Prompts;
using Mirt.Sales.Prompts;

namespace Mirt.Host.Cli;

/// <summary>
/// Runs <c>mirt prompts lint [--dir DIR]</c>: every template compiles, every variable exists on the model it is
/// rendered with, every template is within its size budget, no rule text is copied between files, no file is unused.
/// </summary>
/// <remarks>Prints one line per problem, <c>path/file.hbs:LINE:COL: message</c> with the path relative to the working
/// directory (what editors and CI annotations jump to), then a summary line. Exit codes: 0 clean, 1 problems, 2 usage.</remarks>
internal static class PromptsLintCommand
{
    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var options = PromptsOptions.Parse(args, [], out var problem);
        if (options is null)
        {
            return await PromptsCommand.UsageErrorAsync(error, problem!).ConfigureAwait(false);
        }

        if (options.Positional.Count > 0)
        {
            return await PromptsCommand.UsageErrorAsync(error, $"lint takes no argument '{options.Positional[0]}'").ConfigureAwait(false);
        }

        string directory;
        IReadOnlyList<PromptProblem> problems;
        try
        {
            directory = options.ResolveDirectory();
            problems = PromptLinter.Lint(directory, PromptReplyRenderer.Descriptors, PromptReplyRenderer.LintOptions);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return await PromptsCommand.UsageErrorAsync(error, ex.Message.TrimEnd('.')).ConfigureAwait(false);
        }

        var shown = DisplayPath(directory);
        foreach (var found in problems)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await output.WriteLineAsync($"{shown}{found.File}:{found.Line}:{found.Column}: {found.Message}").ConfigureAwait(false);
        }

        var templates = PromptReplyRenderer.Descriptors.Count;
        var where = shown.Length == 0 ? "./" : shown;
        var summary = problems.Count == 0
            ? string.Create(CultureInfo.InvariantCulture, $"prompts lint: {templates} templates in {where} are clean")
            : string.Create(CultureInfo.InvariantCulture, $"prompts lint: {problems.Count} problem(s) in {problems.Select(p => p.File).Distinct(StringComparer.Ordinal).Count()} file(s) under {where} ({templates} templates checked)");
        await output.WriteLineAsync(summary).ConfigureAwait(false);
        return problems.Count == 0 ? 0 : 1;
    }

    /// <summary>Returns the directory relative to the working directory, with forward slashes and a trailing slash.</summary>
    private static string DisplayPath(string directory)
    {
        var relative = Path.GetRelativePath(Directory.GetCurrentDirectory(), directory).Replace('\\', '/');
        return relative == "." ? string.Empty : relative.TrimEnd('/') + "/";
    }
}
