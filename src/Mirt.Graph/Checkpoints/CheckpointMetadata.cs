using System.Globalization;

namespace Mirt.Graph.Checkpoints;

/// <summary>
/// Describes why and by whom a checkpoint was written; stored beside it and filterable in listings.
/// </summary>
/// <param name="Source">Names what produced the checkpoint: <c>input</c>, <c>loop</c>, <c>update</c> or <c>fork</c>.</param>
/// <param name="Step">Repeats <see cref="Checkpoint.Step"/> so listings can filter on it.</param>
/// <param name="Node">Names the node whose writes this checkpoint holds, or <see langword="null"/> for input checkpoints.</param>
/// <param name="Extra">Holds caller-defined string pairs (for example the conversation state or <see cref="RunIdKey"/>);
/// never <see langword="null"/>; must not use the keys <c>source</c>, <c>step</c> or <c>node</c>.</param>
public sealed record CheckpointMetadata(
    string Source,
    int Step,
    string? Node,
    IReadOnlyDictionary<string, string> Extra)
{
    /// <summary>Names the source of a checkpoint written when a turn's input is applied.</summary>
    public const string InputSource = "input";

    /// <summary>Names the source of a checkpoint written after a node ran.</summary>
    public const string LoopSource = "loop";

    /// <summary>Names the source of a checkpoint written by an explicit state update (time travel, human edit).</summary>
    public const string UpdateSource = "update";

    /// <summary>Names the source of a checkpoint that starts a fork from an older checkpoint.</summary>
    public const string ForkSource = "fork";

    /// <summary>The extra key that names the run (turn) that wrote a checkpoint; <see cref="ICheckpointSaver.DeleteForRunsAsync"/> matches it.</summary>
    public const string RunIdKey = "run_id";

    /// <summary>The flat key of <see cref="Source"/>.</summary>
    public const string SourceKey = "source";

    /// <summary>The flat key of <see cref="Step"/> (invariant-culture integer text).</summary>
    public const string StepKey = "step";

    /// <summary>The flat key of <see cref="Node"/> (absent when the node is <see langword="null"/>).</summary>
    public const string NodeKey = "node";

    /// <summary>Tells whether an extra key is reserved for a built-in field.</summary>
    /// <param name="key">The key.</param>
    /// <returns><see langword="true"/> for <c>source</c>, <c>step</c> and <c>node</c>.</returns>
    public static bool IsReserved(string key) => key is SourceKey or StepKey or NodeKey;

    /// <summary>Gets the metadata as flat string pairs, the shape stores persist and filters match against:
    /// <c>source</c>, <c>step</c> (invariant integer), <c>node</c> (when set) and every extra pair.</summary>
    /// <returns>A new dictionary.</returns>
    public Dictionary<string, string> ToFlat()
    {
        var flat = new Dictionary<string, string>(Extra, StringComparer.Ordinal)
        {
            [SourceKey] = Source,
            [StepKey] = Step.ToString(CultureInfo.InvariantCulture),
        };
        if (Node is not null)
        {
            flat[NodeKey] = Node;
        }

        return flat;
    }

    /// <summary>Rebuilds metadata from its flat pairs (see <see cref="ToFlat"/>).</summary>
    /// <param name="flat">The pairs.</param>
    /// <returns>The metadata.</returns>
    /// <exception cref="InvalidDataException"><c>source</c> or <c>step</c> is missing or <c>step</c> is not an integer.</exception>
    public static CheckpointMetadata FromFlat(IReadOnlyDictionary<string, string> flat)
    {
        ArgumentNullException.ThrowIfNull(flat);
        if (!flat.TryGetValue(SourceKey, out var source)
            || !flat.TryGetValue(StepKey, out var stepText)
            || !int.TryParse(stepText, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var step))
        {
            throw new InvalidDataException("Stored checkpoint metadata lacks 'source' or an integer 'step'; the store is damaged or was written by another program.");
        }

        var extra = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in flat)
        {
            if (!IsReserved(key))
            {
                extra[key] = value;
            }
        }

        return new CheckpointMetadata(source, step, flat.GetValueOrDefault(NodeKey), extra);
    }

    /// <summary>Tells whether the metadata contains every pair of <paramref name="filter"/> (containment, as listings filter).</summary>
    /// <param name="filter">The pairs; <see langword="null"/> or empty matches everything.</param>
    /// <returns><see langword="true"/> when every pair is present with an equal value (ordinal).</returns>
    public bool Matches(IReadOnlyDictionary<string, string>? filter)
    {
        if (filter is null || filter.Count == 0)
        {
            return true;
        }

        var flat = ToFlat();
        return filter.All(pair => flat.TryGetValue(pair.Key, out var value) && string.Equals(value, pair.Value, StringComparison.Ordinal));
    }
}
