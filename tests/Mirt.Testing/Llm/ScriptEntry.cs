using System.Text.Json;

namespace Mirt.Testing.Llm;

/// <summary>One line of a model script.</summary>
/// <param name="Node">The node the line answers.</param>
/// <param name="Text">The answer text, or <see langword="null"/> for a failure.</param>
/// <param name="Throw">The failure kind, or <see langword="null"/> for an answer.</param>
/// <param name="DelayMs">The wait before answering, in ms.</param>
/// <param name="Line">The line number in the script file.</param>
public sealed record ScriptEntry(string Node, string? Text, string? Throw, int DelayMs, int Line)
{
    /// <summary>Reads one script line.</summary>
    /// <param name="line">The JSON text.</param>
    /// <param name="number">Its line number.</param>
    /// <param name="source">The file name for messages.</param>
    /// <returns>The entry.</returns>
    /// <exception cref="InvalidDataException">The line is not a script entry.</exception>
    public static ScriptEntry Parse(string line, int number, string source)
    {
        try
        {
            using var json = JsonDocument.Parse(line);
            var root = json.RootElement;
            var node = root.GetProperty("node").GetString() ?? throw new InvalidDataException("node is null");
            var delay = root.TryGetProperty("delay_ms", out var d) ? d.GetInt32() : 0;
            var text = root.TryGetProperty("reply", out var reply) ? reply.GetRawText()
                : root.TryGetProperty("text", out var raw) ? raw.GetString()
                : null;
            var failure = root.TryGetProperty("throw", out var t) ? t.GetString() : null;
            return (text is null) == (failure is null)
                ? throw new InvalidDataException("give exactly one of reply, text or throw")
                : new ScriptEntry(node, text, failure, delay, number);
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or InvalidDataException)
        {
            throw new InvalidDataException($"{source}:{number}: not a script entry ({ex.Message}); write {{\"node\":\"compose\",\"reply\":{{…}}}}.", ex);
        }
    }
}
