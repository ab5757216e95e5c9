namespace Mirt.Graph.Checkpoints;

/// <summary>A write stored against a checkpoint by <see cref="ICheckpointSaver.PutWritesAsync"/> and loaded with it.</summary>
/// <param name="TaskId">The task that produced the write.</param>
/// <param name="Channel">The channel written, or a special channel from <see cref="WriteChannels"/>.</param>
/// <param name="ValueJson">The value as UTF-8 JSON text.</param>
/// <remarks>A checkpoint's pending writes load ordered by task path, task id and index.</remarks>
public sealed record PendingWrite(string TaskId, string Channel, string ValueJson);
