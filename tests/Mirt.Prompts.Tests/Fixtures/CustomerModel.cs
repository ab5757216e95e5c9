namespace Mirt.Prompts.Tests.Fixtures;

public sealed record CustomerModel(string FullName, string? Phone);
