namespace Mirt.Prompts.Checking;

/// <summary>A parsed tag body: positional parts (helper or path first), hash arguments and block parameters.</summary>
internal sealed record ParsedExpression(
    IReadOnlyList<ExpressionPart> Parts,
    IReadOnlyList<KeyValuePair<string, ExpressionPart>> Hash,
    IReadOnlyList<string> BlockParameters)
{
    /// <summary>Gets the first part (helper or path), or null for an empty body.</summary>
    public ExpressionPart? Head => Parts.Count > 0 ? Parts[0] : null;

    /// <summary>Gets the parts after the head.</summary>
    public IEnumerable<ExpressionPart> Arguments => Parts.Skip(1);

    /// <summary>Gets the number of parts after the head.</summary>
    public int ArgumentCount => Math.Max(0, Parts.Count - 1);
}
