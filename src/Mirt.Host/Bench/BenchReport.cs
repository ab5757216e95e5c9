using System.Text.Json;
using System.Text.Json.Serialization;

namespace Mirt.Host.Bench;

/// <summary>
/// The one JSON line <c>bench</c> prints; docs/PERFORMANCE.md defines every field. Property names become snake_case
/// (<c>TurnsPerS</c> → <c>turns_per_s</c>); every field is always present, <see langword="null"/> where the store
/// cannot measure it.
/// </summary>
internal sealed record BenchReport
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public required string Mode { get; init; }
    public required string Store { get; init; }
    public required int Conversations { get; init; }
    public required int Turns { get; init; }
    public required int MeasuredTurns { get; init; }
    public required int WarmupTurns { get; init; }
    public required int PoolSize { get; init; }
    public required int StoredConversations { get; init; }
    public required int SeedTurns { get; init; }
    public required double SeedS { get; init; }
    public required string Model { get; init; }
    public double? ModelP95Ms { get; init; }
    public required bool Degraded { get; init; }
    public double? ModelCallsPerTurn { get; init; }
    public required double DurationS { get; init; }
    public required double TurnsPerS { get; init; }
    public double? P50Ms { get; init; }
    public double? P95Ms { get; init; }
    public double? P99Ms { get; init; }
    public double? MaxMs { get; init; }
    public required int Errors { get; init; }
    public double? CheckpointP50Ms { get; init; }
    public double? CheckpointP99Ms { get; init; }
    public required double CheckpointWritesPerTurn { get; init; }
    public double? CheckpointCallP50Ms { get; init; }
    public double? CheckpointCallP99Ms { get; init; }
    public double? CheckpointReadP50Ms { get; init; }
    public double? FloorInsertMs { get; init; }
    public double? FloorInsertP99Ms { get; init; }
    public double? CheckpointFloorRatio { get; init; }
    public double? BytesPerTurn { get; init; }
    public required double StoreBytesPerTurn { get; init; }
    public required double ValueBytesPerTurn { get; init; }
    public double? PayloadBytesPerTurn { get; init; }
    public required double RoundTripsPerTurn { get; init; }
    public double? DbXactsPerTurn { get; init; }
    public required double StoreCallsPerTurn { get; init; }
    public long? DbConnectionsMax { get; init; }
    public long? DbConnectionsOpenMax { get; init; }
    public required double RssMb { get; init; }
    public required double RssPeakMb { get; init; }
    public required long ThreadpoolQueueMax { get; init; }
    public required long ThreadpoolThreadsMax { get; init; }
    public required int GcGen0 { get; init; }
    public required int GcGen1 { get; init; }
    public required int GcGen2 { get; init; }
    public required double GcPauseMs { get; init; }
    public required double AllocatedBytesPerTurn { get; init; }
    public IReadOnlyList<LongMilestone>? Long { get; init; }

    /// <summary>Serialises the report as one line of JSON.</summary>
    /// <returns>The line, without a line break.</returns>
    public string ToJson() => JsonSerializer.Serialize(this, Json);
}
