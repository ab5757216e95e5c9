namespace Mirt.Rules.Upsell;

/// <summary>
/// Names the kind of the one soft upsell made after payment (see <c>shared/DOMAIN.md</c>, Upsell).
/// </summary>
public enum UpsellKind
{
    /// <summary>Offers a model of another category, such as a trench after a dress.</summary>
    CrossSell,

    /// <summary>Offers the ordered model again in a second colour, as after a suit.</summary>
    SecondColor,
}
