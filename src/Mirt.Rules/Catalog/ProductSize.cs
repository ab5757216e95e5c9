namespace Mirt.Rules.Catalog;

/// <summary>
/// Describes one size a model is sold in, with the heights it fits and its price (see <c>shared/DOMAIN.md</c>, Catalog).
/// </summary>
/// <param name="Label">The size label as the shop writes it: a height range such as <c>122-128</c>, or a single size such as <c>134</c>.</param>
/// <param name="MinHeightCm">
/// The smallest child height in cm that picks this size, or <see langword="null"/> when the size is the smallest of the grid and
/// fits every accepted height up to <paramref name="MaxHeightCm"/>.
/// </param>
/// <param name="MaxHeightCm">The largest child height in cm this size fits, inclusive.</param>
/// <param name="PriceUah">The price of this size in UAH, greater than zero.</param>
public sealed record ProductSize(string Label, int? MinHeightCm, int MaxHeightCm, decimal PriceUah)
{
    /// <summary>Tells whether a child of the given height wears this size.</summary>
    /// <param name="heightCm">The child's height in cm.</param>
    /// <returns><see langword="true"/> when the height lies between <see cref="MinHeightCm"/> and <see cref="MaxHeightCm"/>, inclusive.</returns>
    public bool Fits(int heightCm) => heightCm <= MaxHeightCm && (MinHeightCm is not { } min || heightCm >= min);
}
