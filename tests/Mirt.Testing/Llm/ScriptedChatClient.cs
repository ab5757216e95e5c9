using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.Extensions.AI;

namespace Mirt.Testing.Llm;

/// <summary>
/// A model for golden flows: answers each call with the next line of a script (<c>model.jsonl</c>) written for the
/// calling node, read from <c>ChatOptions.AdditionalProperties["mirt.node"]</c> (<c>compose</c>, <c>vision</c>).
/// </summary>
/// <remarks>
/// One JSON object per line: <c>node</c> (required), then exactly one of <c>reply</c> (a JSON value sent as its text,
/// usually the structured reply object), <c>text</c> (sent as written, for broken answers) or <c>throw</c>
/// (<c>timeout</c> → <see cref="TimeoutException"/>, <c>cancelled</c> → <see cref="TaskCanceledException"/> not caused
/// by the caller, <c>unavailable</c> → <see cref="HttpRequestException"/>); optional <c>delay_ms</c> waits first
/// (real time, honouring the call's token) and <c>note</c> is for the reader. Blank lines and lines starting with
/// <c>//</c> are skipped. A call with no line left for its node throws, so a flow that asks more than its script
/// answers fails loudly. Thread-safe.
/// </remarks>
public sealed class ScriptedChatClient : IChatClient
{
    /// <summary>The model id every response reports.</summary>
    public const string ModelId = "scripted";

    private readonly ConcurrentDictionary<string, ConcurrentQueue<ScriptEntry>> _script;
    private readonly ConcurrentQueue<ScriptedCall> _calls = new();
    private int _count;

    private ScriptedChatClient(IEnumerable<ScriptEntry> entries)
    {
        _script = new(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            _script.GetOrAdd(entry.Node, _ => new ConcurrentQueue<ScriptEntry>()).Enqueue(entry);
        }
    }

    /// <summary>Gets the calls received, in order.</summary>
    public IReadOnlyList<ScriptedCall> Calls => [.. _calls];

    /// <summary>Gets the script lines not used yet, by node.</summary>
    public IReadOnlyDictionary<string, int> Remaining => _script.Where(s => !s.Value.IsEmpty).ToDictionary(s => s.Key, s => s.Value.Count, StringComparer.Ordinal);

    /// <summary>Reads a script file.</summary>
    /// <param name="path">The <c>model.jsonl</c> file.</param>
    /// <returns>The client.</returns>
    /// <exception cref="InvalidDataException">A line is not a script entry; the message names the line.</exception>
    public static ScriptedChatClient Load(string path) => Parse(File.ReadAllLines(path), Path.GetFileName(path));

    /// <summary>Reads script lines.</summary>
    /// <param name="lines">The lines.</param>
    /// <param name="source">The name used in error messages.</param>
    /// <returns>The client.</returns>
    /// <exception cref="InvalidDataException">A line is not a script entry; the message names the line.</exception>
    public static ScriptedChatClient Parse(IEnumerable<string> lines, string source = "script")
    {
        ArgumentNullException.ThrowIfNull(lines);
        var entries = new List<ScriptEntry>();
        var number = 0;
        foreach (var line in lines)
        {
            number++;
            if (string.IsNullOrWhiteSpace(line) || line.TrimStart().StartsWith("//", StringComparison.Ordinal))
            {
                continue;
            }

            entries.Add(ScriptEntry.Parse(line, number, source));
        }

        return new ScriptedChatClient(entries);
    }

    public async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var node = options?.AdditionalProperties?.TryGetValue("mirt.node", out var value) == true ? value as string ?? "?" : "?";
        var entry = _script.TryGetValue(node, out var queue) && queue.TryDequeue(out var next) ? next : null;
        _calls.Enqueue(new ScriptedCall(Interlocked.Increment(ref _count) - 1, node, [.. messages], options, entry));
        if (entry is null)
        {
            throw new InvalidOperationException($"The model script has no answer left for node '{node}'; add a line {{\"node\":\"{node}\",…}} to model.jsonl.");
        }

        if (entry.DelayMs > 0)
        {
            await Task.Delay(entry.DelayMs, cancellationToken).ConfigureAwait(false);
        }

        return entry.Throw switch
        {
            null => new ChatResponse(new ChatMessage(ChatRole.Assistant, entry.Text!)) { ModelId = ModelId, FinishReason = ChatFinishReason.Stop },
            "timeout" => throw new TimeoutException("The scripted model timed out."),
            "cancelled" => throw new TaskCanceledException("The scripted model's HTTP call was cancelled."),
            "unavailable" => throw new HttpRequestException("The scripted model is unavailable."),
            _ => throw new InvalidOperationException($"The scripted model failed ({entry.Throw})."),
        };
    }

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var response = await GetResponseAsync(messages, options, cancellationToken).ConfigureAwait(false);
        foreach (var update in response.ToChatResponseUpdates())
        {
            yield return update;
        }
    }

    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        return serviceKey is null && serviceType.IsInstanceOfType(this) ? this : null;
    }

    public void Dispose()
    {
    }
}
