namespace Mirt.Prompts.Tests.Fixtures;

public sealed record GreetingModel(string ShopName);
