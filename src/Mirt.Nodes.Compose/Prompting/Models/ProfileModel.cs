namespace Mirt.Nodes.Compose.Prompting.Models;

/// <summary>
/// Gives prompt templates what the customer has chosen so far; each field is <see langword="null"/> while unknown.
/// </summary>
/// <param name="Category">The category's Ukrainian name.</param>
/// <param name="Product">The chosen model's name.</param>
/// <param name="HeightCm">The child's height in cm.</param>
/// <param name="Size">The size the grid rule gives the chosen model for the height.</param>
/// <param name="Color">The chosen canonical colour.</param>
/// <param name="RequestedColor">The colour asked for when a substitute was offered (white as milk).</param>
public sealed record ProfileModel(string? Category, string? Product, int? HeightCm, string? Size, string? Color, string? RequestedColor);
