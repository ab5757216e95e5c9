namespace Mirt.Graph.Sqlite;

/// <summary>Shapes the <c>metadata_json</c> column; decoupled from the public metadata record so renames there do not break stored files.</summary>
/// <param name="Source">The checkpoint's source.</param>
/// <param name="Step">The checkpoint's step.</param>
/// <param name="Node">The node, or <see langword="null"/>.</param>
/// <param name="Extra">The caller-defined pairs.</param>
internal sealed record StoredMetadata(string Source, int Step, string? Node, Dictionary<string, string> Extra);
