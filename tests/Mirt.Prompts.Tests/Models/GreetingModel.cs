namespace Mirt.Prompts.Tests.Models;

public sealed record GreetingModel(string ShopName);
