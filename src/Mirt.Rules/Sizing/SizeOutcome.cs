namespace Mirt.Rules.Sizing;

/// <summary>
/// Says how picking a size from a child's height turned out (see <c>shared/DOMAIN.md</c>, Size from height).
/// </summary>
public enum SizeOutcome
{
    /// <summary>The model has a size for the height.</summary>
    Fits,

    /// <summary>The height lies outside the accepted 80–180 cm; say so and hand off to a human manager.</summary>
    HeightOutOfRange,

    /// <summary>The height is accepted but this model does not come that small or that large; offer another model.</summary>
    NotInProductRange,
}
