using System.Reflection;

namespace Mirt.Architecture.Tests;

/// <summary>
/// Enforces the shape of the house with plain reflection (STYLE.md): the runtime knows nothing of the shop, node
/// assemblies never reference each other, and only the host knows ASP.NET Core.
/// </summary>
public sealed class DependencyTests
{
    private static readonly string[] NodeAssemblies = ["Mirt.Nodes.Dialog", "Mirt.Nodes.Offer", "Mirt.Nodes.Payment", "Mirt.Nodes.Vision", "Mirt.Nodes.Compose"];

    [Fact]
    public void Graph_ReferencesNoOtherMirtAssemblyNorDatabaseNorWeb() =>
        References("Mirt.Graph").Should().NotContain(r => r.StartsWith("Mirt.", StringComparison.Ordinal) || r.Contains("Sqlite") || r.Contains("Npgsql") || r.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal));

    [Fact]
    public void Rules_ReferencesNoOtherMirtAssembly() =>
        References("Mirt.Rules").Should().NotContain(r => r.StartsWith("Mirt.", StringComparison.Ordinal));

    [Fact]
    public void Prompts_KnowsNothingOfTheShop() =>
        References("Mirt.Prompts").Should().NotContain(r => r.StartsWith("Mirt.", StringComparison.Ordinal));

    [Theory]
    [InlineData("Mirt.Nodes.Dialog")]
    [InlineData("Mirt.Nodes.Offer")]
    [InlineData("Mirt.Nodes.Payment")]
    [InlineData("Mirt.Nodes.Vision")]
    [InlineData("Mirt.Nodes.Compose")]
    public void NodeAssembly_ReferencesOnlyRuntimeRulesAndAbstractions(string assembly) =>
        References(assembly).Where(r => r.StartsWith("Mirt.", StringComparison.Ordinal))
            .Should().BeSubsetOf(["Mirt.Graph", "Mirt.Rules", "Mirt.Nodes.Abstractions"]);

    [Fact]
    public void NodeAssemblies_DoNotReferenceEachOther() =>
        NodeAssemblies.SelectMany(a => References(a).Intersect(NodeAssemblies)).Should().BeEmpty();

    [Fact]
    public void Llm_KnowsOnlyTheRuntimeNotTheShop() =>
        References("Mirt.Llm").Where(r => r.StartsWith("Mirt.", StringComparison.Ordinal)).Should().BeSubsetOf(["Mirt.Graph"]);

    [Fact]
    public void OnlyHost_ReferencesAspNetCore() =>
        new[] { "Mirt.Graph", "Mirt.Graph.Sqlite", "Mirt.Rules", "Mirt.Prompts", "Mirt.Nodes.Abstractions", "Mirt.Sales", "Mirt.Llm" }
            .Concat(NodeAssemblies)
            .SelectMany(References)
            .Should().NotContain(r => r.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal));

    private static IEnumerable<string> References(string assembly) =>
        Assembly.Load(assembly).GetReferencedAssemblies().Select(r => r.Name!);
}
