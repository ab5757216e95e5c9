using Mirt.Graph.Checkpoints;

namespace Mirt.Testing.Checkpoints;

/// <summary>Builds the checkpoints, metadata and configs the cases put, and reads results back as plain lists.</summary>
public abstract partial class CheckpointConformance
{
    /// <summary>The creation time of step 0; step <c>n</c> is created <c>n</c> seconds later. Has sub-millisecond ticks so
    /// a store that rounds times is caught.</summary>
    protected static readonly DateTimeOffset Start = new DateTimeOffset(2025, 3, 14, 9, 26, 53, TimeSpan.Zero).AddTicks(5_897_932);

    /// <summary>Addresses a thread's latest checkpoint, or one checkpoint by id.</summary>
    protected static CheckpointConfig At(string threadId, string? checkpointId = null, string ns = "") => new(threadId, ns, checkpointId);

    /// <summary>Builds a checkpoint; a channel with a <see langword="null"/> value gets a version but no value.</summary>
    protected static Checkpoint NewCheckpoint(string id, int step = 0, params (string Channel, long Version, string? Value)[] channels) =>
        new(
            id,
            step,
            Start.AddSeconds(step),
            channels.Where(c => c.Value is not null).ToDictionary(c => c.Channel, c => c.Value!, StringComparer.Ordinal),
            channels.ToDictionary(c => c.Channel, c => c.Version, StringComparer.Ordinal),
            [],
            1);

    /// <summary>Builds metadata; extra pairs are given as (key, value).</summary>
    protected static CheckpointMetadata Meta(int step = 0, string source = CheckpointMetadata.LoopSource, string? node = "node", params (string Key, string Value)[] extra) =>
        new(source, step, node, extra.ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal));

    /// <summary>Builds loop metadata that names the run which wrote the checkpoint.</summary>
    protected static CheckpointMetadata RunMeta(string runId, int step = 0) => Meta(step, extra: (CheckpointMetadata.RunIdKey, runId));

    /// <summary>Builds a channel-to-version map, for <c>newVersions</c> and assertions.</summary>
    protected static Dictionary<string, long> Versions(params (string Channel, long Version)[] versions) =>
        versions.ToDictionary(v => v.Channel, v => v.Version, StringComparer.Ordinal);

    /// <summary>Builds a channel-to-value map, for assertions.</summary>
    protected static Dictionary<string, string> Values(params (string Channel, string Value)[] values) =>
        values.ToDictionary(v => v.Channel, v => v.Value, StringComparer.Ordinal);

    /// <summary>Builds a metadata filter.</summary>
    protected static Dictionary<string, string> Filter(params (string Key, string Value)[] pairs) =>
        pairs.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);

    /// <summary>Builds one pending write.</summary>
    protected static ChannelWrite Write(string channel, string valueJson) => new(channel, valueJson);

    /// <summary>Puts a checkpoint through <see cref="Saver"/>, with metadata for its step unless given.</summary>
    protected Task<CheckpointConfig> PutAsync(
        CheckpointConfig config,
        Checkpoint checkpoint,
        CheckpointMetadata? metadata = null,
        IReadOnlyDictionary<string, long>? newVersions = null,
        ExpectedHead expectedHead = default) =>
        Saver.PutAsync(config, checkpoint, metadata ?? Meta(checkpoint.Step), newVersions, expectedHead);

    /// <summary>Puts a linear chain of <paramref name="count"/> checkpoints with fresh ids, each the child of the one
    /// before; step <c>i</c> gets the metadata <paramref name="metadata"/> builds (default: loop metadata of step i) and
    /// writes channel <c>step</c> at version <c>i + 1</c> with value <c>i</c>.</summary>
    /// <returns>The stored configs, oldest first.</returns>
    protected async Task<List<CheckpointConfig>> PutChainAsync(string threadId, int count, string ns = "", Func<int, CheckpointMetadata>? metadata = null)
    {
        var stored = new List<CheckpointConfig>();
        string? parent = null;
        for (var i = 0; i < count; i++)
        {
            var checkpoint = NewCheckpoint(NextId(), i, ("step", i + 1, $"{i}"));
            var config = await PutAsync(At(threadId, parent, ns), checkpoint, metadata?.Invoke(i) ?? Meta(i));
            stored.Add(config);
            parent = config.CheckpointId;
        }

        return stored;
    }

    /// <summary>Loads the latest checkpoint of a thread, or one by id.</summary>
    protected Task<CheckpointTuple?> GetAsync(string threadId, string? checkpointId = null, string ns = "") =>
        Saver.GetTupleAsync(At(threadId, checkpointId, ns));

    /// <summary>Lists through <see cref="Saver"/> (or another saver) into a list.</summary>
    protected async Task<List<CheckpointTuple>> ListAsync(CheckpointQuery query, ICheckpointSaver? saver = null)
    {
        var result = new List<CheckpointTuple>();
        await foreach (var tuple in (saver ?? Saver).ListAsync(query))
        {
            result.Add(tuple);
        }

        return result;
    }

    /// <summary>Lists the checkpoint ids a query returns, in the order returned.</summary>
    protected async Task<List<string>> ListIdsAsync(CheckpointQuery query) =>
        (await ListAsync(query)).Select(t => t.Checkpoint.Id).ToList();

    /// <summary>Lists the checkpoint ids of one thread and namespace, newest first.</summary>
    protected Task<List<string>> ThreadIdsAsync(string threadId, string ns = "") => ListIdsAsync(CheckpointQuery.ForThread(threadId, ns));

    /// <summary>Gets the checkpoint ids of stored configs, newest first (as listings return them).</summary>
    protected static List<string> NewestFirst(IEnumerable<CheckpointConfig> configs) =>
        configs.Select(c => c.CheckpointId!).OrderByDescending(id => id, StringComparer.Ordinal).ToList();

    /// <summary>Creates a cancelled token, to check that a cancelled call changes nothing.</summary>
    protected static CancellationToken CancelledToken() => new(canceled: true);
}
