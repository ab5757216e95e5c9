namespace Mirt.Graph.Time;

/// <summary>
/// Creates identifiers for checkpoints, runs and idempotency keys, so tests can pin them.
/// </summary>
public interface IIdGenerator
{
    /// <summary>Creates a new identifier; identifiers from one generator sort in creation order (ordinal compare).</summary>
    /// <returns>A non-empty identifier of at most 32 ASCII characters.</returns>
    string NewId();
}
