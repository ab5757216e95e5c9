namespace Mirt.Graph.Checkpoints;

/// <summary>Validates the arguments of <see cref="ICheckpointSaver"/> calls, so every saver — built-in or your own — rejects the same inputs with the same messages.</summary>
public static class CheckpointArguments
{
    /// <summary>Checks a config and returns its thread id and namespace, the namespace defaulting to the root.</summary>
    /// <param name="config">The config to check.</param>
    /// <returns>The thread id and the namespace (never <see langword="null"/>).</returns>
    /// <exception cref="ArgumentException">The thread id is empty.</exception>
    public static (string ThreadId, string Namespace) Address(CheckpointConfig config)
    {
        if (string.IsNullOrWhiteSpace(config.ThreadId))
        {
            throw new ArgumentException("The checkpoint config has no thread id; set CheckpointConfig.ThreadId to the conversation's thread.", nameof(config));
        }

        return (config.ThreadId, config.Namespace ?? string.Empty);
    }

    /// <summary>Checks the arguments of a put.</summary>
    /// <param name="config">Addresses the thread, namespace and parent.</param>
    /// <param name="checkpoint">The checkpoint to store.</param>
    /// <param name="metadata">Its metadata.</param>
    /// <returns>The thread id and the namespace.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="checkpoint"/>, <paramref name="metadata"/> or one of their collections is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The thread id or checkpoint id is empty, or a channel has a value but no version.</exception>
    public static (string ThreadId, string Namespace) Put(CheckpointConfig config, Checkpoint checkpoint, CheckpointMetadata metadata)
    {
        var address = Address(config);
        ArgumentNullException.ThrowIfNull(checkpoint);
        ArgumentNullException.ThrowIfNull(metadata);
        ArgumentException.ThrowIfNullOrWhiteSpace(checkpoint.Id, nameof(checkpoint));
        ArgumentNullException.ThrowIfNull(checkpoint.ChannelValues, nameof(checkpoint));
        ArgumentNullException.ThrowIfNull(checkpoint.ChannelVersions, nameof(checkpoint));
        ArgumentNullException.ThrowIfNull(checkpoint.Next, nameof(checkpoint));
        ArgumentNullException.ThrowIfNull(metadata.Source, nameof(metadata));
        ArgumentNullException.ThrowIfNull(metadata.Extra, nameof(metadata));
        foreach (var channel in checkpoint.ChannelValues.Keys)
        {
            if (!checkpoint.ChannelVersions.ContainsKey(channel))
            {
                throw new ArgumentException(
                    $"Checkpoint '{checkpoint.Id}' has a value for channel '{channel}' but no version; add the channel to ChannelVersions, because values are stored per channel version.",
                    nameof(checkpoint));
            }
        }

        return address;
    }

    /// <summary>Builds the exception for a channel version that is stored already with a different value.</summary>
    /// <param name="threadId">The thread.</param>
    /// <param name="channel">The channel.</param>
    /// <param name="version">The reused version.</param>
    /// <returns>The exception to throw.</returns>
    public static InvalidOperationException VersionReused(string threadId, string channel, long version) =>
        new($"Channel '{channel}' of thread '{threadId}' already has a different value stored at version {version}; channel versions must grow with every write (also after a reset), so give the new value a higher version.");

    /// <summary>Builds the exception for a checkpoint id that is stored already.</summary>
    /// <param name="threadId">The thread.</param>
    /// <param name="ns">The namespace.</param>
    /// <param name="checkpointId">The reused id.</param>
    /// <returns>The exception to throw.</returns>
    public static InvalidOperationException IdReused(string threadId, string ns, string checkpointId) =>
        new($"Checkpoint '{checkpointId}' already exists in thread '{threadId}', namespace '{ns}'; checkpoints are immutable, so give the new one a fresh id from the IIdGenerator.");
}
