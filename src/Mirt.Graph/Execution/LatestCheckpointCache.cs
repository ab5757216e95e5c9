namespace Mirt.Graph.Execution;

/// <summary>
/// Remembers where the last run of each recently active thread ended — its checkpoint, decoded state and what the
/// store holds — so the next turn of that thread starts without reading and decoding the head again.
/// </summary>
/// <remarks>
/// <para>A hint, never the truth: a turn that starts from a cached cursor fences its first put on the cached
/// checkpoint, so when another replica (or a direct store edit) moved the thread on, the put conflicts and the turn
/// reloads from the store. Least recently used threads are dropped beyond the capacity; 0 turns the cache off.</para>
/// <para>Thread-safe. Entries of one thread are only taken and set under that thread's gate, so a thread never sees
/// two runs' entries interleave.</para>
/// </remarks>
internal sealed class LatestCheckpointCache(int capacity)
{
    private readonly Dictionary<string, LinkedListNode<(string ThreadId, RunCursor Cursor)>> _entries = new(StringComparer.Ordinal);
    private readonly LinkedList<(string ThreadId, RunCursor Cursor)> _recency = new();
    private readonly Lock _lock = new();

    /// <summary>Removes and returns the thread's cursor; a run that fails or pauses then leaves no stale entry behind.</summary>
    public RunCursor? Take(string threadId)
    {
        if (capacity == 0)
        {
            return null;
        }

        lock (_lock)
        {
            if (!_entries.Remove(threadId, out var node))
            {
                return null;
            }

            _recency.Remove(node);
            return node.Value.Cursor;
        }
    }

    /// <summary>Forgets the thread: a run other than a turn (resume, continue, an update) is about to move it.</summary>
    public void Evict(string threadId) => Take(threadId);

    /// <summary>Remembers where the thread's run ended, dropping the least recently used thread beyond the capacity.</summary>
    public void Set(string threadId, RunCursor cursor)
    {
        if (capacity == 0)
        {
            return;
        }

        lock (_lock)
        {
            if (_entries.Remove(threadId, out var old))
            {
                _recency.Remove(old);
            }

            _entries[threadId] = _recency.AddFirst((threadId, cursor));
            if (_entries.Count > capacity)
            {
                var last = _recency.Last!;
                _recency.RemoveLast();
                _entries.Remove(last.Value.ThreadId);
            }
        }
    }
}
