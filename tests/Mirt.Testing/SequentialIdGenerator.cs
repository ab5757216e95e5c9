using Mirt.Graph.Time;

namespace Mirt.Testing;

/// <summary>Hands out ids "id-000001", "id-000002", … so golden files are stable.</summary>
public sealed class SequentialIdGenerator : IIdGenerator
{
    private int _next;

    public string NewId() => $"id-{Interlocked.Increment(ref _next):D6}";
}
