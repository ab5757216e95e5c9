namespace Mirt.Nodes.Abstractions.State;

/// <summary>
/// Remembers what the customer wants: the category, the chosen model, the child's height, size and colour.
/// </summary>
/// <param name="CategoryId">The catalog category id, or <see langword="null"/> until named.</param>
/// <param name="ProductId">The chosen model's catalog id, or <see langword="null"/> until one model is chosen.</param>
/// <param name="HeightCm">The child's height in cm, or <see langword="null"/> until given.</param>
/// <param name="Color">The chosen canonical colour, or <see langword="null"/> until chosen.</param>
/// <param name="RequestedColor">The colour the customer asked for when a substitute was offered (white → milk).</param>
public sealed record SalesProfile(string? CategoryId, string? ProductId, int? HeightCm, string? Color, string? RequestedColor)
{
    /// <summary>Gets a profile that knows nothing yet.</summary>
    public static SalesProfile Empty { get; } = new(null, null, null, null, null);
}
