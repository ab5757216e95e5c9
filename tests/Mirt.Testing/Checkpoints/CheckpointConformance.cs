using Mirt.Graph.Checkpoints;
using Xunit;

namespace Mirt.Testing.Checkpoints;

/// <summary>
/// States the observable behaviour every <see cref="ICheckpointSaver"/> must have. A store's test project derives one
/// sealed class from it, overrides <see cref="CreateSaverAsync"/> (and <see cref="ReopenAsync"/> when a second saver can
/// open the same storage), and xUnit runs every case against that store. CASES.md beside this file lists the cases.
/// </summary>
/// <remarks>
/// <para>Each test gets a fresh instance and so a fresh saver; the storage it opens must be empty, because listings
/// across threads, delete-for-runs and retention look at the whole store.</para>
/// <para>The cases are split by operation over partial files: <c>.Put</c> (with <c>.PutChannels</c> and
/// <c>.PutRejects</c>), <c>.PutWrites</c>, <c>.GetTuple</c>, <c>.List</c> (with <c>.ListQueries</c>),
/// <c>.DeleteThread</c>, <c>.CopyThread</c>, <c>.Prune</c>, <c>.DeleteForRuns</c>, <c>.Retention</c>, and
/// <c>.Fencing</c>, <c>.Races</c>, <c>.Durability</c> for what LangGraph's suite does not cover; <c>.Builders</c> holds
/// the helpers.</para>
/// </remarks>
public abstract partial class CheckpointConformance : IAsyncLifetime
{
    private readonly List<ICheckpointSaver> _opened = [];
    private ICheckpointSaver? _saver;
    private int _lastId;

    /// <summary>Gets the saver under test.</summary>
    protected ICheckpointSaver Saver => _saver ?? throw new InvalidOperationException("The saver is created in InitializeAsync.");

    /// <summary>Gets how many rounds the two-writer race runs; a store project may raise it.</summary>
    protected virtual int RaceRounds => 200;

    /// <summary>Creates the saver under test over empty storage.</summary>
    /// <returns>The saver; disposed after the test when it is <see cref="IAsyncDisposable"/> or <see cref="IDisposable"/>.</returns>
    protected abstract Task<ICheckpointSaver> CreateSaverAsync();

    /// <summary>Opens a second saver instance over the same storage as <see cref="Saver"/>, as a restarted process or a
    /// second host would. The default returns <see cref="Saver"/> itself, for stores that live in one object.</summary>
    /// <returns>The second saver; disposed after the test when it is not <see cref="Saver"/>.</returns>
    protected virtual Task<ICheckpointSaver> ReopenAsync() => Task.FromResult(Saver);

    /// <summary>Counts the channel values (blobs) the store holds for a thread, or returns <see langword="null"/> when
    /// the store cannot tell; the storage-growth and garbage-collection cases then assert through loads only.</summary>
    /// <param name="threadId">The thread.</param>
    /// <returns>The number of stored (namespace, channel, version) values, or <see langword="null"/>.</returns>
    protected virtual Task<long?> CountStoredValuesAsync(string threadId) => Task.FromResult<long?>(null);

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        _saver = await CreateSaverAsync();
        _opened.Add(_saver);
    }

    /// <inheritdoc />
    public virtual async Task DisposeAsync()
    {
        foreach (var saver in _opened.Distinct())
        {
            switch (saver)
            {
                case IAsyncDisposable asyncDisposable:
                    await asyncDisposable.DisposeAsync();
                    break;
                case IDisposable disposable:
                    disposable.Dispose();
                    break;
            }
        }

        _opened.Clear();
    }

    /// <summary>Opens a second saver over the same storage (see <see cref="ReopenAsync"/>) and disposes it after the test.</summary>
    /// <returns>The second saver.</returns>
    protected async Task<ICheckpointSaver> OpenSecondSaverAsync()
    {
        var saver = await ReopenAsync();
        _opened.Add(saver);
        return saver;
    }

    /// <summary>Creates a checkpoint id that sorts after every id this test created before.</summary>
    /// <returns>An id such as <c>ck-000007</c>.</returns>
    protected string NextId() => $"ck-{Interlocked.Increment(ref _lastId):D6}";
}
