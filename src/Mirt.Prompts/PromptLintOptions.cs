namespace Mirt.Prompts;

/// <summary>
/// Tunes the checks <see cref="PromptLinter.Lint(string, IEnumerable{TemplateDescriptor}, PromptLintOptions?)"/>
/// adds on top of the ones <see cref="PromptLibrary.Load(string, IEnumerable{TemplateDescriptor})"/> makes.
/// </summary>
public sealed class PromptLintOptions
{
    /// <summary>
    /// Gets the largest size a template may have, in UTF-8 bytes, counting the text of every partial it includes.
    /// </summary>
    /// <value>The default is 1800 bytes; the value must be positive.</value>
    public int MaxTemplateBytes { get; init; } = 1800;
}
