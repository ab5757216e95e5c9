using Mirt.Rules.Text;

namespace Mirt.Rules.Data;

/// <summary>
/// Describes one keyword group in a rules data file: <c>{ "patterns": [...], "exclusions": [...] }</c>, both in
/// <see cref="KeywordPattern"/> syntax.
/// </summary>
internal sealed record KeywordSetData
{
    /// <summary>Gets the phrases that count as a hit.</summary>
    public required IReadOnlyList<string> Patterns { get; init; }

    /// <summary>Gets the phrases whose tokens never count as a hit; empty when the file leaves them out.</summary>
    public IReadOnlyList<string>? Exclusions { get; init; }

    /// <summary>Compiles the group into a matcher once, at load time.</summary>
    /// <param name="fileName">The data file the group comes from, named in errors.</param>
    /// <param name="group">The group's property path in that file, named in errors.</param>
    /// <returns>The compiled set.</returns>
    /// <exception cref="InvalidOperationException">The group has no patterns or a pattern is malformed.</exception>
    public KeywordSet ToKeywordSet(string fileName, string group)
    {
        if (Patterns is null || Patterns.Count == 0)
        {
            throw new InvalidOperationException(
                $"The rules data group '{group}' in {fileName} has no patterns; add at least one in src/Mirt.Rules/Data/{fileName}.");
        }

        try
        {
            return new KeywordSet(Patterns, Exclusions ?? []);
        }
        catch (ArgumentException ex)
        {
            throw new InvalidOperationException(
                $"The rules data group '{group}' in {fileName} has a malformed pattern; fix it in src/Mirt.Rules/Data/{fileName}.",
                ex);
        }
    }
}
