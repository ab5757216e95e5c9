namespace Mirt.Graph.Checkpoints;

/// <summary>
/// Describes why and by whom a checkpoint was written; stored beside it and filterable in listings.
/// </summary>
/// <param name="Source">Names what produced the checkpoint: <c>input</c>, <c>loop</c>, <c>update</c> or <c>fork</c>.</param>
/// <param name="Step">Repeats <see cref="Checkpoint.Step"/> so listings can filter on it.</param>
/// <param name="Node">Names the node whose writes this checkpoint holds, or <see langword="null"/> for input checkpoints.</param>
/// <param name="Extra">Holds caller-defined string pairs (for example the conversation state); never <see langword="null"/>.</param>
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
}
