using System.Text.Json;
using Mirt.Graph.Checkpoints;
using Mirt.Graph.Execution;

namespace Mirt.Graph.History;

/// <summary>Encodes a node failure as a <see cref="WriteChannels.Error"/> pending write and reads it back.</summary>
/// <remarks>The value is <c>{"node":…,"type":…,"message":…,"attempts":n}</c>.</remarks>
internal static class ErrorRecords
{
    /// <summary>Encodes a failure.</summary>
    /// <param name="failure">The failure.</param>
    /// <returns>The write.</returns>
    public static ChannelWrite Write(NodeFailure failure) =>
        new(WriteChannels.Error, JsonSerializer.Serialize(new Stored(failure.Node.Value, failure.ExceptionType, failure.Message, failure.Attempts), JsonSerializerOptions.Web));

    /// <summary>Finds the failure recorded against a checkpoint.</summary>
    /// <param name="tuple">The loaded checkpoint.</param>
    /// <returns>The failure, or <see langword="null"/> when none was recorded or the record is unreadable.</returns>
    public static NodeFailure? Find(CheckpointTuple tuple)
    {
        var write = tuple.PendingWrites.FirstOrDefault(w => w.Channel == WriteChannels.Error);
        if (write is null)
        {
            return null;
        }

        try
        {
            var stored = JsonSerializer.Deserialize<Stored>(write.ValueJson, JsonSerializerOptions.Web);
            return stored is null ? null : new NodeFailure(new NodeName(stored.Node ?? write.TaskId), stored.Type ?? "unknown", stored.Message ?? string.Empty, stored.Attempts);
        }
        catch (JsonException)
        {
            // Another program may write errors in its own shape; the failure is informational, so report none.
            return null;
        }
    }

    private sealed record Stored(string? Node, string? Type, string? Message, int Attempts);
}
