using System.Text.Json.Nodes;

namespace Mirt.Testing.Llm;

/// <summary>What <see cref="FakeOpenAIServer"/> answers: a status, headers, and a body written in parts.</summary>
/// <remarks>Streamed answers are several parts (server-sent events), each flushed, with <see cref="PartDelay"/> between them.</remarks>
public sealed record FakeOpenAIResponse
{
    /// <summary>Gets the HTTP status code.</summary>
    public int StatusCode { get; init; } = 200;

    /// <summary>Gets the content type.</summary>
    public string ContentType { get; init; } = "application/json";

    /// <summary>Gets further response headers (e.g. <c>Retry-After</c>).</summary>
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    /// <summary>Gets the body parts, written and flushed in order.</summary>
    public IReadOnlyList<string> Parts { get; init; } = [];

    /// <summary>Gets how long to wait before the status line is sent.</summary>
    public TimeSpan Delay { get; init; }

    /// <summary>Gets how long to wait between two body parts.</summary>
    public TimeSpan PartDelay { get; init; }

    /// <summary>Creates a 200 answer with <paramref name="json"/> as the body.</summary>
    public static FakeOpenAIResponse Json(string json, int statusCode = 200) => new() { StatusCode = statusCode, Parts = [json] };

    /// <summary>Creates a non-streamed chat completion with assistant text, the given finish reason and usage.</summary>
    public static FakeOpenAIResponse Completion(
        string? text,
        string finishReason = "stop",
        string model = "fake-model",
        JsonArray? toolCalls = null,
        string id = "chatcmpl-1") =>
        Json(new JsonObject
        {
            ["id"] = id,
            ["object"] = "chat.completion",
            ["created"] = 1_764_000_000,
            ["model"] = model,
            ["choices"] = new JsonArray(new JsonObject
            {
                ["index"] = 0,
                ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = text, ["tool_calls"] = toolCalls },
                ["finish_reason"] = finishReason,
            }),
            ["usage"] = new JsonObject { ["prompt_tokens"] = 11, ["completion_tokens"] = 7, ["total_tokens"] = 18 },
        }.ToJsonString());

    /// <summary>Creates an OpenAI-style error: <c>{"error":{"message":…,"type":…,"code":…}}</c>.</summary>
    public static FakeOpenAIResponse Error(int statusCode, string message, string? code = null, IReadOnlyDictionary<string, string>? headers = null) => new()
    {
        StatusCode = statusCode,
        Headers = headers ?? new Dictionary<string, string>(),
        Parts = [new JsonObject
        {
            ["error"] = new JsonObject { ["message"] = message, ["type"] = "invalid_request_error", ["code"] = code },
        }.ToJsonString()],
    };

    /// <summary>Creates a streamed answer: each chunk as a server-sent event, then <c>data: [DONE]</c>.</summary>
    public static FakeOpenAIResponse Stream(params JsonObject[] chunks) => new()
    {
        ContentType = "text/event-stream",
        Parts = [.. chunks.Select(chunk => $"data: {chunk.ToJsonString()}\n\n"), "data: [DONE]\n\n"],
    };

    /// <summary>Creates one streamed chunk with an optional content delta, tool call deltas, finish reason and usage.</summary>
    public static JsonObject Chunk(
        string? content = null,
        string? finishReason = null,
        JsonArray? toolCalls = null,
        JsonObject? usage = null,
        bool withRole = false,
        string model = "fake-model")
    {
        var delta = new JsonObject();
        if (withRole)
        {
            delta["role"] = "assistant";
        }

        if (content is not null)
        {
            delta["content"] = content;
        }

        if (toolCalls is not null)
        {
            delta["tool_calls"] = toolCalls;
        }

        var choices = usage is not null && content is null && finishReason is null && toolCalls is null
            ? new JsonArray()
            : new JsonArray(new JsonObject { ["index"] = 0, ["delta"] = delta, ["finish_reason"] = finishReason });
        var chunk = new JsonObject
        {
            ["id"] = "chatcmpl-s1",
            ["object"] = "chat.completion.chunk",
            ["created"] = 1_764_000_000,
            ["model"] = model,
            ["choices"] = choices,
        };
        if (usage is not null)
        {
            chunk["usage"] = usage;
        }

        return chunk;
    }
}
