using System.Text.Json.Serialization;

namespace Mirt.Graph.Sqlite;

/// <summary>Serialises the JSON columns without reflection.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(Dictionary<string, long>))]
[JsonSerializable(typeof(string[]))]
[JsonSerializable(typeof(StoredMetadata))]
internal sealed partial class SqliteJsonContext : JsonSerializerContext;
