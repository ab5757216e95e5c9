namespace Mirt.Graph.Checkpoints;

/// <summary>One write a task produced, as stored by <see cref="ICheckpointSaver.PutWritesAsync"/>.</summary>
/// <param name="Channel">The channel written, or a special channel from <see cref="WriteChannels"/>.</param>
/// <param name="ValueJson">The value as UTF-8 JSON text.</param>
public readonly record struct ChannelWrite(string Channel, string ValueJson);
