namespace Mirt.Prompts.Loading;

/// <summary>A place in a template file.</summary>
/// <param name="Line">The 1-based line.</param>
/// <param name="Column">The 1-based column, in UTF-16 code units from the start of the line (what editors count).</param>
internal readonly record struct TextPosition(int Line, int Column)
{
    /// <summary>The start of a file: where problems about the whole file point.</summary>
    public static readonly TextPosition Start = new(1, 1);
}
