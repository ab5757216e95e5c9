using System.Text.Json.Serialization;

namespace Mirt.Graph.Sqlite;

/// <summary>Serialises the JSON columns without reflection.</summary>
[JsonSerializable(typeof(Dictionary<string, long>))]
[JsonSerializable(typeof(Dictionary<string, string>))]
[JsonSerializable(typeof(string[]))]
internal sealed partial class SqliteJsonContext : JsonSerializerContext;
