using Mirt.Rules.Catalog;

namespace Mirt.Rules.Sizing;

/// <summary>
/// Picks a model's size from the child's height (see <c>shared/DOMAIN.md</c>, Size from height; the grid lives in
/// <c>Data/catalog.json</c>).
/// </summary>
/// <remarks>
/// A grid size fits up to its maximum height and a boundary height stays in the lower size (120 cm → 110-116). A model with
/// single sizes gets the smallest single size at or above the height (131 cm → 134); its smallest single size starts where its
/// grid size starts, so a 85 cm child gets no 98. Pure and thread-safe.
/// </remarks>
public static class SizePicker
{
    /// <summary>Picks the size of <paramref name="product"/> for a child of <paramref name="heightCm"/>.</summary>
    /// <param name="product">The model, whose sizes are listed smallest first.</param>
    /// <param name="grid">The shop's size grid, which decides the accepted heights (80–180 cm in the shop's data).</param>
    /// <param name="heightCm">The child's height in cm.</param>
    /// <returns>
    /// <see cref="SizeOutcome.Fits"/> with the size; <see cref="SizeOutcome.HeightOutOfRange"/> when the grid does not accept the
    /// height; <see cref="SizeOutcome.NotInProductRange"/> when the model has no size for an accepted height.
    /// </returns>
    /// <exception cref="ArgumentNullException"><paramref name="product"/> or <paramref name="grid"/> is <see langword="null"/>.</exception>
    public static SizeChoice Pick(Product product, SizeGrid grid, int heightCm)
    {
        ArgumentNullException.ThrowIfNull(product);
        ArgumentNullException.ThrowIfNull(grid);
        if (!grid.Accepts(heightCm))
        {
            return new SizeChoice(SizeOutcome.HeightOutOfRange, Size: null);
        }

        foreach (var size in product.Sizes)
        {
            if (size.Fits(heightCm))
            {
                return new SizeChoice(SizeOutcome.Fits, size);
            }
        }

        return new SizeChoice(SizeOutcome.NotInProductRange, Size: null);
    }
}
