namespace Mirt.Prompts.Tests.Fixtures;

public sealed record OfferLine(string Name, decimal PriceUah, int Quantity);
