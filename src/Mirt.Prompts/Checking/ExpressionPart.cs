namespace Mirt.Prompts.Checking;

/// <summary>One word of a tag body; <paramref name="Inner"/> is set for sub-expressions.</summary>
/// <param name="Kind">What the word is.</param>
/// <param name="Text">The word as written; string literals keep their quotes stripped.</param>
/// <param name="Inner">The parsed content of a sub-expression.</param>
internal sealed record ExpressionPart(ExpressionPartKind Kind, string Text, ParsedExpression? Inner = null);
