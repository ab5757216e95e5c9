namespace Mirt.Rules.Colors;

/// <summary>
/// Mirrors <c>Data/colors.json</c>.
/// </summary>
internal sealed record ColorsFileJson(IReadOnlyList<ColorJson>? Colors, IReadOnlyList<ColorSubstituteJson>? Substitutes);
