namespace Mirt.Prompts;

/// <summary>
/// Describes one problem found in the prompts directory, located by file and line.
/// </summary>
/// <param name="File">
/// Gives the path of the offending file relative to the prompts directory, with forward slashes
/// (for example <c>offer/made.hbs</c>).
/// </param>
/// <param name="Line">
/// Gives the 1-based line the problem is on; problems about a whole file (a missing file, its size) use line 1.
/// </param>
/// <param name="Message">States what is wrong and how to fix it.</param>
public sealed record PromptProblem(string File, int Line, string Message)
{
    /// <summary>
    /// Gets the 1-based column the problem starts at, in UTF-16 code units from the start of the line (what editors
    /// count): the <c>{{</c> of the offending tag, the first character of a repeated line, 1 for whole-file problems.
    /// </summary>
    /// <value>The default is 1.</value>
    public int Column { get; init; } = 1;

    /// <summary>Formats the problem as <c>file:line:column: message</c>, the shape compilers and editors understand.</summary>
    /// <returns>The problem on one line.</returns>
    public override string ToString() => $"{File}:{Line}:{Column}: {Message}";
}
