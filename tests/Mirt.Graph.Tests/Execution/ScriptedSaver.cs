using Mirt.Graph.Checkpoints;

namespace Mirt.Graph.Tests.Execution;

/// <summary>
/// Passes every call to an inner saver, and lets a test act before a put: crash (throw), or let "another replica"
/// advance the thread so the put's fence fails for real.
/// </summary>
internal sealed class ScriptedSaver(ICheckpointSaver inner) : DelegatingCheckpointSaver(inner)
{
    private int _puts;

    /// <summary>Gets or sets what happens before put number n (1-based) reaches the inner saver.</summary>
    public Func<int, CheckpointConfig, Checkpoint, Task>? BeforePut { get; set; }

    public int Puts => _puts;

    /// <summary>Makes put number <paramref name="put"/> (and, with <paramref name="repeat"/>, every later one) fail because
    /// another writer stored a child of the same parent first.</summary>
    public void InjectConflictAt(int put, bool repeat = false) => BeforePut = async (n, config, _) =>
    {
        if (n == put || (repeat && n > put))
        {
            await AdvanceAsync(config);
        }
    };

    /// <summary>Makes put number <paramref name="put"/> throw, as if the process died before the write.</summary>
    public void CrashAt(int put) => BeforePut = (n, _, _) =>
        n == put ? throw new IOException($"Simulated crash before put {n}.") : Task.CompletedTask;

    /// <summary>Stores a copy of the parent checkpoint as its child, as a competing replica would.</summary>
    public async Task AdvanceAsync(CheckpointConfig parent)
    {
        var head = await Inner.GetTupleAsync(parent with { CheckpointId = null });
        var id = (head?.Checkpoint.Id ?? "id") + ".rival";
        var checkpoint = head is null
            ? new Checkpoint(id, -1, DateTimeOffset.UnixEpoch, new Dictionary<string, string>(), new Dictionary<string, long>(), [], 1)
            : head.Checkpoint with { Id = id, Step = head.Checkpoint.Step + 1 };
        var metadata = new CheckpointMetadata(CheckpointMetadata.LoopSource, checkpoint.Step, "rival", new Dictionary<string, string>());
        await Inner.PutAsync(head?.Config ?? parent, checkpoint, metadata, null, ExpectedHead.Any);
    }

    public override async Task<CheckpointConfig> PutAsync(
        CheckpointConfig config,
        Checkpoint checkpoint,
        CheckpointMetadata metadata,
        IReadOnlyDictionary<string, long>? newVersions = null,
        ExpectedHead expectedHead = default,
        CancellationToken cancellationToken = default)
    {
        var n = Interlocked.Increment(ref _puts);
        if (BeforePut is { } before)
        {
            await before(n, config, checkpoint);
        }

        return await Inner.PutAsync(config, checkpoint, metadata, newVersions, expectedHead, cancellationToken);
    }
}
