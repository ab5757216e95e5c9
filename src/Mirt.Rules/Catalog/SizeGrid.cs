namespace Mirt.Rules.Catalog;

/// <summary>
/// Holds the shop's size grid: the labelled height ranges and the heights the shop accepts at all
/// (see <c>shared/DOMAIN.md</c>, Size from height; the data lives in <c>Data/catalog.json</c>, one place only).
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class SizeGrid
{
    internal SizeGrid(IReadOnlyList<GridSize> sizes, int minHeightCm, int maxHeightCm)
    {
        Sizes = sizes;
        MinHeightCm = minHeightCm;
        MaxHeightCm = maxHeightCm;
    }

    /// <summary>Gets the grid sizes, smallest first.</summary>
    public IReadOnlyList<GridSize> Sizes { get; }

    /// <summary>Gets the smallest child height in cm the shop accepts (80 in the shop's data).</summary>
    public int MinHeightCm { get; }

    /// <summary>Gets the largest child height in cm the shop accepts (180 in the shop's data).</summary>
    public int MaxHeightCm { get; }

    /// <summary>Tells whether a height lies in the accepted range; outside it the bot says so and hands off.</summary>
    /// <param name="heightCm">The child's height in cm.</param>
    /// <returns><see langword="true"/> when <see cref="MinHeightCm"/> ≤ <paramref name="heightCm"/> ≤ <see cref="MaxHeightCm"/>.</returns>
    public bool Accepts(int heightCm) => heightCm >= MinHeightCm && heightCm <= MaxHeightCm;

    /// <summary>Finds a grid size by its label.</summary>
    /// <param name="label">The label, for example <c>122-128</c>; compared exactly after trimming.</param>
    /// <returns>The size, or <see langword="null"/> when the grid has no such label.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="label"/> is <see langword="null"/>.</exception>
    public GridSize? Find(string label)
    {
        ArgumentNullException.ThrowIfNull(label);
        var trimmed = label.Trim();
        return Sizes.FirstOrDefault(s => string.Equals(s.Label, trimmed, StringComparison.Ordinal));
    }

    /// <summary>Finds the first grid size whose maximum height is at least the given height; a boundary height stays in the lower size.</summary>
    /// <param name="heightCm">The child's height in cm.</param>
    /// <returns>The size, or <see langword="null"/> when the height is below <see cref="MinHeightCm"/> or above the largest size.</returns>
    public GridSize? FindForHeight(int heightCm) =>
        heightCm < MinHeightCm ? null : Sizes.FirstOrDefault(s => s.MaxHeightCm >= heightCm);
}
