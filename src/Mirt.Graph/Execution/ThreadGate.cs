namespace Mirt.Graph.Execution;

/// <summary>
/// Serialises turns of one thread inside a process while letting different threads run in parallel.
/// </summary>
internal sealed class ThreadGate
{
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public async ValueTask<IDisposable> EnterAsync(string threadId, CancellationToken cancellationToken)
    {
        Entry entry;
        lock (_gate)
        {
            if (!_entries.TryGetValue(threadId, out entry!))
            {
                entry = new Entry();
                _entries[threadId] = entry;
            }

            entry.Users++;
        }

        try
        {
            await entry.Semaphore.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            Leave(threadId, entry, release: false);
            throw;
        }

        return new Releaser(this, threadId, entry);
    }

    private void Leave(string threadId, Entry entry, bool release)
    {
        if (release)
        {
            entry.Semaphore.Release();
        }

        lock (_gate)
        {
            // Drop idle entries so a long-running host does not keep one semaphore per customer ever seen.
            if (--entry.Users == 0)
            {
                _entries.Remove(threadId);
                entry.Semaphore.Dispose();
            }
        }
    }

    private sealed class Entry
    {
        public SemaphoreSlim Semaphore { get; } = new(1, 1);

        public int Users { get; set; }
    }

    private sealed class Releaser(ThreadGate owner, string threadId, Entry entry) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                owner.Leave(threadId, entry, release: true);
            }
        }
    }
}
