namespace Mirt.Nodes.Vision.Models;

/// <summary>
/// Fills the answer to a recognised photo, before the size-and-offer flow continues.
/// </summary>
/// <param name="ProductName">The model name as in the catalog.</param>
/// <param name="Color">The recognised canonical colour, or <see langword="null"/> when the colour was not recognised.</param>
public sealed record RecognisedModel(string ProductName, string? Color);
