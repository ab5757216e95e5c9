namespace Mirt.Prompts.Tests.Models;

public sealed record OfferLine(string Name, decimal PriceUah, int Quantity);
