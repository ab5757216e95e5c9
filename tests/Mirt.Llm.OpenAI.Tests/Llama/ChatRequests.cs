using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Mirt.Llm.OpenAI.Tests.Llama;

/// <summary>Bodies for <c>/v1/chat/completions</c>, written as plain JSON (these tests check the server, not an SDK).</summary>
internal static class ChatRequests
{
    public static JsonContent Plain(string model, string userText, int maxTokens) => JsonContent.Create(new JsonObject
    {
        ["model"] = model,
        ["messages"] = new JsonArray(new JsonObject { ["role"] = "user", ["content"] = userText }),
        ["max_tokens"] = maxTokens,
    });

    public static JsonContent WithJsonSchema(string model, string userText, int maxTokens, JsonObject schema) => JsonContent.Create(new JsonObject
    {
        ["model"] = model,
        ["messages"] = new JsonArray(new JsonObject { ["role"] = "user", ["content"] = userText }),
        ["max_tokens"] = maxTokens,
        ["response_format"] = new JsonObject
        {
            ["type"] = "json_schema",
            ["json_schema"] = new JsonObject { ["name"] = "answer", ["strict"] = true, ["schema"] = schema },
        },
    });
}
