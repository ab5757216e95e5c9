namespace Mirt.Rules.Colors;

/// <summary>
/// Mirrors one entry of <c>colors</c> in <c>Data/colors.json</c>: a canonical name with its synonym patterns.
/// </summary>
internal sealed record ColorJson(string? Name, IReadOnlyList<string>? Patterns, IReadOnlyList<string>? Exclusions);
