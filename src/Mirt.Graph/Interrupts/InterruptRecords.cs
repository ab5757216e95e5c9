using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Mirt.Graph.Checkpoints;
using Mirt.Graph.Execution;

namespace Mirt.Graph.Interrupts;

/// <summary>
/// Encodes interrupts and their answers as pending writes and finds them again on a loaded checkpoint.
/// </summary>
/// <remarks>
/// An interrupt is stored as <see cref="WriteChannels.Interrupt"/> with the value
/// <c>{"id":…,"node":…,"sequence":n,"payload":…}</c>; its answer as <see cref="WriteChannels.Resume"/> with
/// <c>{"interrupt":id,"value":…}</c>, both under the node's task id. Because a special write replaces the stored one,
/// an answer counts only while its <c>interrupt</c> names the stored interrupt: when a resumed node interrupts again,
/// the new interrupt (next sequence) waits for a new answer.
/// </remarks>
internal static class InterruptRecords
{
    /// <summary>Creates the interrupt a node raised.</summary>
    /// <param name="node">The node.</param>
    /// <param name="checkpointId">The checkpoint the node started from.</param>
    /// <param name="payloadJson">The payload.</param>
    /// <param name="answered">The interrupt the node was resuming from, or <see langword="null"/>.</param>
    /// <returns>The interrupt.</returns>
    public static GraphInterrupt Raise(NodeName node, string checkpointId, string payloadJson, GraphInterrupt? answered)
    {
        var sequence = answered is null ? 0 : answered.Sequence + 1;
        var id = string.Create(CultureInfo.InvariantCulture, $"{checkpointId}:{node.Value}:{sequence}");
        return new GraphInterrupt(id, node, checkpointId, payloadJson) { Sequence = sequence };
    }

    /// <summary>Encodes an interrupt as a pending write.</summary>
    /// <param name="interrupt">The interrupt.</param>
    /// <returns>The write.</returns>
    public static ChannelWrite InterruptWrite(GraphInterrupt interrupt) => new(WriteChannels.Interrupt, Json(writer =>
    {
        writer.WriteString("id", interrupt.Id);
        writer.WriteString("node", interrupt.Node.Value);
        writer.WriteNumber("sequence", interrupt.Sequence);
        writer.WritePropertyName("payload");
        writer.WriteRawValue(interrupt.PayloadJson);
    }));

    /// <summary>Encodes the answer to an interrupt as a pending write.</summary>
    /// <param name="interrupt">The interrupt answered.</param>
    /// <param name="resumeJson">The answer as JSON text.</param>
    /// <returns>The write.</returns>
    public static ChannelWrite ResumeWrite(GraphInterrupt interrupt, string resumeJson) => new(WriteChannels.Resume, Json(writer =>
    {
        writer.WriteString("interrupt", interrupt.Id);
        writer.WritePropertyName("value");
        writer.WriteRawValue(resumeJson);
    }));

    /// <summary>Finds the interrupt stored against a checkpoint, with its answer when one matches.</summary>
    /// <param name="tuple">The loaded checkpoint.</param>
    /// <returns>The interrupt, or <see langword="null"/> when no node paused at this checkpoint.</returns>
    /// <exception cref="InvalidDataException">A stored interrupt or answer is not in the expected shape.</exception>
    public static GraphInterrupt? Find(CheckpointTuple tuple)
    {
        var stored = tuple.PendingWrites.FirstOrDefault(w => w.Channel == WriteChannels.Interrupt);
        if (stored is null)
        {
            return null;
        }

        var interrupt = Parse(stored.ValueJson, tuple.Checkpoint.Id, root => new GraphInterrupt(
            root.GetProperty("id").GetString()!,
            new NodeName(root.GetProperty("node").GetString()!),
            tuple.Checkpoint.Id,
            root.GetProperty("payload").GetRawText()) { Sequence = root.GetProperty("sequence").GetInt32() });
        var answer = tuple.PendingWrites.FirstOrDefault(w => w.Channel == WriteChannels.Resume && w.TaskId == stored.TaskId);
        if (answer is null)
        {
            return interrupt;
        }

        var (answers, value) = Parse(answer.ValueJson, tuple.Checkpoint.Id, root => (root.GetProperty("interrupt").GetString(), root.GetProperty("value").GetRawText()));
        return answers == interrupt.Id ? interrupt with { ResumeJson = value } : interrupt;
    }

    private static T Parse<T>(string json, string checkpointId, Func<JsonElement, T> read)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            return read(document.RootElement);
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new InvalidDataException($"The interrupt record stored against checkpoint '{checkpointId}' is damaged or was written by another program: {ex.Message}", ex);
        }
    }

    private static string Json(Action<Utf8JsonWriter> body)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            body(writer);
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
