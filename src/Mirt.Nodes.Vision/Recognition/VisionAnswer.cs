namespace Mirt.Nodes.Vision.Recognition;

/// <summary>
/// Mirrors the JSON the vision model answers with (snake_case on the wire, see <see cref="VisionJsonContext"/>).
/// Nothing in it is trusted until <see cref="AnswerValidator"/> has checked it against the catalog.
/// </summary>
/// <param name="Sku">The colour variant's SKU, or <see langword="null"/> when no catalog variant matches.</param>
/// <param name="ProductId">The catalog model id, or <see langword="null"/> when no catalog model matches.</param>
/// <param name="Color">The canonical colour name, or <see langword="null"/> when unsure.</param>
/// <param name="Confidence">How sure the model is that the photo shows exactly this model (and colour), 0 to 1.</param>
/// <param name="Reason">A short justification, for diagnostics only; never shown to the customer.</param>
internal sealed record VisionAnswer(string? Sku, string? ProductId, string? Color, double Confidence, string? Reason);
