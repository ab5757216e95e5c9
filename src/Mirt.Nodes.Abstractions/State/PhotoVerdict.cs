namespace Mirt.Nodes.Abstractions.State;

/// <summary>
/// Remembers what the vision model made of one photo of the conversation, after the answer was checked against the
/// catalog, so the same photo sent again is answered from this record instead of asking the model again.
/// </summary>
/// <param name="Sha256">The SHA-256 of the fetched image bytes, lower-case hex (64 characters).</param>
/// <param name="ProductId">The catalog id of the model the answer named, or <see langword="null"/> when it named none.
/// Whether that counts as recognised depends on <paramref name="Confidence"/> and the vision node's threshold.</param>
/// <param name="Color">The canonical colour the answer named, or <see langword="null"/> when it named none.</param>
/// <param name="Confidence">The model's confidence, 0 to 1.</param>
public sealed record PhotoVerdict(string Sha256, string? ProductId, string? Color, double Confidence);
