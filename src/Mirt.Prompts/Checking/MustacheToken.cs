using Mirt.Prompts.Loading;

namespace Mirt.Prompts.Checking;

/// <summary>One <c>{{ … }}</c> tag: its kind, its body without braces, sigil and <c>~</c>, and where its <c>{{</c> starts.</summary>
internal sealed record MustacheToken(MustacheKind Kind, string Body, TextPosition At)
{
    /// <summary>Gets the 1-based line the tag starts on.</summary>
    public int Line => At.Line;
}
