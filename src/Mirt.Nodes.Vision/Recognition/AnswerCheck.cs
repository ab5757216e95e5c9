using Mirt.Rules.Catalog;

namespace Mirt.Nodes.Vision.Recognition;

/// <summary>
/// Carries a vision answer after validation: the catalog model and colour it names (catalog objects, never the
/// model's text), or the fact that it broke the contract.
/// </summary>
/// <param name="IsValid">Tells whether the answer kept the contract; an invalid answer names nothing.</param>
/// <param name="Product">The named catalog model, or <see langword="null"/> when the answer names none.</param>
/// <param name="Color">The named canonical colour, or <see langword="null"/> when none was named and the model has several.</param>
/// <param name="Confidence">The model's confidence, 0 to 1.</param>
internal sealed record AnswerCheck(bool IsValid, Product? Product, string? Color, double Confidence)
{
    public static AnswerCheck Invalid { get; } = new(false, null, null, 0);
}
