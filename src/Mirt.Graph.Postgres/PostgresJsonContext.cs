using System.Text.Json.Serialization;

namespace Mirt.Graph.Postgres;

/// <summary>Serialises the jsonb columns (version map, flat metadata, query filters) without reflection.</summary>
[JsonSerializable(typeof(Dictionary<string, long>))]
[JsonSerializable(typeof(Dictionary<string, string>))]
internal sealed partial class PostgresJsonContext : JsonSerializerContext;
