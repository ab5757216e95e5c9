namespace Mirt.Host.Bench;

/// <summary>Holds the long-conversation figures at one turn, over the window of <see cref="LongRun.Window"/> turns that
/// ends at it (fewer at the start).</summary>
/// <param name="Turn">The turn, from 1.</param>
/// <param name="Bytes">Bytes written per turn over the window (write-ahead log on PostgreSQL, storage writes on SQLite).</param>
/// <param name="ValueBytes">Checkpoint value bytes per turn over the window (UTF-8 of the values the puts carried).</param>
/// <param name="LatencyMs">The median turn latency over the window, in ms.</param>
/// <param name="CheckpointMs">The median per-turn checkpoint write time over the window, in ms.</param>
/// <param name="ReadMs">The median of <see cref="LongRun.Reads"/> latest-state reads right after the turn
/// (<c>SalesAssistant.GetTranscriptAsync</c>: load and decode the thread's latest checkpoint), in ms.</param>
/// <param name="AllocatedBytes">Bytes allocated in the process per turn over the window (host and client; only this
/// conversation runs).</param>
internal sealed record LongMilestone(int Turn, double? Bytes, double ValueBytes, double? LatencyMs, double? CheckpointMs, double? ReadMs, double AllocatedBytes);
