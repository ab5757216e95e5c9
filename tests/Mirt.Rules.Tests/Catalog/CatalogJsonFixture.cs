using System.Text;
using System.Text.Json.Nodes;
using Mirt.Rules.Catalog;

namespace Mirt.Rules.Tests.Catalog;

/// <summary>Reads the embedded catalog as a mutable JSON tree so tests can break one field at a time.</summary>
internal static class CatalogJsonFixture
{
    public static JsonObject DefaultJson()
    {
        using var stream = typeof(CatalogLoader).Assembly.GetManifestResourceStream("Mirt.Rules.Data.catalog.json")!;
        return JsonNode.Parse(stream)!.AsObject();
    }

    public static JsonObject Product(JsonObject root, string id) =>
        root["products"]!.AsArray().Select(p => p!.AsObject()).Single(p => (string?)p["id"] == id);

    public static Mirt.Rules.Catalog.Catalog Load(JsonNode root) => Load(root.ToJsonString());

    public static Mirt.Rules.Catalog.Catalog Load(string json)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(json));
        return CatalogLoader.Load(stream);
    }
}
