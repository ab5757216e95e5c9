namespace Mirt.Rules.Colors;

/// <summary>
/// Mirrors one entry of <c>substitutes</c> in <c>Data/colors.json</c>: colours offered, in order, when the requested one is missing.
/// </summary>
internal sealed record ColorSubstituteJson(string? Requested, IReadOnlyList<string>? Offered);
