using System.Text.Json;
using Mirt.Graph.Building;
using Mirt.Graph.State;

namespace Mirt.Graph.Subgraphs;

/// <summary>
/// Moves state across a subgraph's boundary: the subgraph reads the parent's values of the channels both schemas
/// name (the shared channels), and hands back as writes the shared channels whose value it changed.
/// </summary>
/// <remarks>
/// Channels only the subgraph declares start at their defaults on every run and stay in the subgraph's namespace.
/// A shared channel the subgraph reset is not cleared in the parent. Values are compared as JSON, so a value rebuilt
/// equal to the parent's is not written back.
/// </remarks>
internal static class SubgraphState
{
    /// <summary>Builds the subgraph's input from the parent state.</summary>
    /// <param name="parent">The parent state.</param>
    /// <param name="subgraph">The subgraph.</param>
    /// <returns>The shared channels' values.</returns>
    public static GraphState Enter(GraphState parent, ConversationGraph subgraph)
    {
        var shared = parent.Channels.Where(subgraph.Schema.Contains).ToList();
        return GraphState.FromRaw(
            shared.Select(name => new KeyValuePair<string, object?>(name, parent.GetRaw(name))),
            shared.ToDictionary(name => name, _ => 1L, StringComparer.Ordinal));
    }

    /// <summary>Turns the subgraph's final state into writes for the parent.</summary>
    /// <param name="parent">The parent state the subgraph started from.</param>
    /// <param name="final">The subgraph's final state.</param>
    /// <param name="parentSchema">The parent's schema (which channels are shared).</param>
    /// <param name="subgraph">The subgraph.</param>
    /// <returns>Overwrites of the shared channels whose value changed.</returns>
    public static List<StateWrite> Leave(GraphState parent, GraphState final, StateSchema parentSchema, ConversationGraph subgraph)
    {
        var writes = new List<StateWrite>();
        foreach (var key in subgraph.Schema.Keys.Where(k => parentSchema.Contains(k.Name) && final.Channels.Contains(k.Name)))
        {
            var value = final.GetRaw(key.Name);
            var before = parent.Channels.Contains(key.Name) ? Json(parent.GetRaw(key.Name), key.ValueType) : null;
            if (before != Json(value, key.ValueType))
            {
                writes.Add(new StateWrite(key, value, Overwrite: true));
            }
        }

        return writes;
    }

    /// <summary>Lists the problems of sharing channels between a parent schema and a subgraph.</summary>
    /// <param name="node">The subgraph's node name.</param>
    /// <param name="parentSchema">The parent's schema.</param>
    /// <param name="subgraph">The subgraph.</param>
    /// <returns>One sentence per shared channel whose value types differ.</returns>
    public static IEnumerable<string> Problems(string node, StateSchema parentSchema, ConversationGraph subgraph)
    {
        var parentKeys = parentSchema.Keys.ToDictionary(k => k.Name, StringComparer.Ordinal);
        foreach (var key in subgraph.Schema.Keys)
        {
            if (parentKeys.TryGetValue(key.Name, out var parentKey) && parentKey.ValueType != key.ValueType)
            {
                yield return $"The subgraph '{node}' shares channel '{key.Name}' as {key.ValueType.Name} but the parent declares it as {parentKey.ValueType.Name}; use one type.";
            }
        }
    }

    private static string Json(object? value, Type type) => JsonSerializer.Serialize(value, type, JsonSerializerOptions.Web);
}
