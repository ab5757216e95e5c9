namespace Mirt.Prompts.Checking;

/// <summary>One <c>{{ … }}</c> tag: its kind, its body without braces, sigil and <c>~</c>, and its 1-based line.</summary>
internal sealed record MustacheToken(MustacheKind Kind, string Body, int Line);
