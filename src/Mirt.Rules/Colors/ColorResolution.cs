namespace Mirt.Rules.Colors;

/// <summary>
/// Reports whether a model comes in the colour a customer asked for (see <c>shared/DOMAIN.md</c>, Colour synonyms).
/// </summary>
/// <param name="Available">Tells whether the model can be offered in the requested colour, directly or through a substitute.</param>
/// <param name="Color">The canonical colour to offer: the requested one, its substitute (milk for white), or <see langword="null"/> when unavailable.</param>
/// <param name="RequestedColor">The canonical colour the customer asked for.</param>
/// <param name="IsSubstitute">Tells whether <paramref name="Color"/> stands in for the requested colour; offer it <em>as</em> that colour, never say "no white".</param>
public sealed record ColorResolution(bool Available, string? Color, string? RequestedColor, bool IsSubstitute);
