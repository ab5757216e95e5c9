using System.Globalization;
using System.Text;

namespace Mirt.Prompts;

/// <summary>
/// Reports every problem <see cref="PromptLibrary.Load(string, IEnumerable{TemplateDescriptor})"/> found in the
/// prompts directory at once, so one run shows the whole list to fix.
/// </summary>
public sealed class PromptValidationException : Exception
{
    /// <summary>Creates an exception that carries no problems and a generic message.</summary>
    public PromptValidationException()
        : this("The prompt templates are invalid; run PromptLinter.Lint to list the problems.")
    {
    }

    /// <summary>Creates an exception that carries no problems and the given message.</summary>
    /// <param name="message">Explains what is wrong, as a full sentence.</param>
    public PromptValidationException(string message)
        : base(message)
    {
        Problems = [];
    }

    /// <summary>Creates an exception that carries no problems, the given message and its cause.</summary>
    /// <param name="message">Explains what is wrong, as a full sentence.</param>
    /// <param name="innerException">Is the exception that caused this one.</param>
    public PromptValidationException(string message, Exception innerException)
        : base(message, innerException)
    {
        Problems = [];
    }

    /// <summary>Creates an exception whose message lists each problem as <c>file:line:column: message</c>.</summary>
    /// <param name="problems">Lists the problems found; the list is copied.</param>
    /// <exception cref="ArgumentNullException"><paramref name="problems"/> is <see langword="null"/>.</exception>
    public PromptValidationException(IEnumerable<PromptProblem> problems)
        : this(Copy(problems))
    {
    }

    private PromptValidationException(PromptProblem[] problems)
        : base(Describe(problems))
    {
        Problems = problems;
    }

    /// <summary>Gets the problems found, ordered by file and line.</summary>
    public IReadOnlyList<PromptProblem> Problems { get; }

    private static PromptProblem[] Copy(IEnumerable<PromptProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        return [.. problems];
    }

    private static string Describe(PromptProblem[] problems)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"The prompt templates have {problems.Length} problem(s); fix each one below and load them again:");
        foreach (var problem in problems)
        {
            text.Append('\n').Append(problem);
        }

        return text.ToString();
    }
}
