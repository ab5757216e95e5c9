namespace Mirt.Prompts.Loading;

/// <summary>One template file read from the prompts directory.</summary>
/// <param name="RelativePath">Path relative to the prompts directory with forward slashes, e.g. <c>offer/made.hbs</c>.</param>
/// <param name="Name">Template name: the relative path without extension, e.g. <c>offer/made</c>.</param>
/// <param name="Text">File content, read as UTF-8.</param>
internal sealed record PromptSource(string RelativePath, string Name, string Text)
{
    /// <summary>The folder whose files are registered as partials.</summary>
    public const string SharedFolder = "shared";

    /// <summary>Gets whether the file lives under <c>shared/</c> and is therefore a partial.</summary>
    public bool IsShared => Name.StartsWith(SharedFolder + "/", StringComparison.Ordinal);

    /// <summary>Gets the partial name (path under <c>shared/</c> without extension), or null for other files.</summary>
    public string? PartialName => IsShared ? Name[(SharedFolder.Length + 1)..] : null;
}
