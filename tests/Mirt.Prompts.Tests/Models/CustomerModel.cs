namespace Mirt.Prompts.Tests.Models;

public sealed record CustomerModel(string FullName, string? Phone);
