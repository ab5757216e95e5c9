using Mirt.Prompts.Loading;

namespace Mirt.Prompts.Checking;

/// <summary>A block that is open while the checker walks a template.</summary>
/// <param name="name">The name its closing tag must repeat, e.g. <c>each</c> for <c>{{#each x}}</c>.</param>
/// <param name="at">Where the opening tag starts.</param>
internal sealed class OpenBlock(string name, TextPosition at)
{
    public string Name { get; } = name;

    public TextPosition At { get; } = at;

    /// <summary>Gets the 1-based line of the opening tag.</summary>
    public int Line => At.Line;

    /// <summary>Gets or sets whether the current branch pushed a <see cref="ScopeFrame"/> that closing must pop.</summary>
    public bool PushedFrame { get; set; }

    /// <summary>Gets or sets whether the walk is past a plain <c>{{else}}</c>, after which no other else may follow.</summary>
    public bool PastFinalElse { get; set; }

    /// <summary>Gets or sets whether a problem already named this block, so "never closed" would only repeat it.</summary>
    public bool Reported { get; set; }
}
