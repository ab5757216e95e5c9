using Mirt.Rules.Catalog;

namespace Mirt.Rules.Sizing;

/// <summary>
/// Reports the size picked for a child's height.
/// </summary>
/// <param name="Outcome">How the pick turned out.</param>
/// <param name="Size">The picked size with its price in UAH when <paramref name="Outcome"/> is <see cref="SizeOutcome.Fits"/>; otherwise <see langword="null"/>.</param>
public sealed record SizeChoice(SizeOutcome Outcome, ProductSize? Size);
