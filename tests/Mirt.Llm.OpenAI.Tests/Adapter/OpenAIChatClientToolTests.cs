using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.AI;
using Mirt.Testing.Llm;
using OpenAI.Chat;
using AIChatMessage = Microsoft.Extensions.AI.ChatMessage;

namespace Mirt.Llm.OpenAI.Tests.Adapter;

/// <summary>Tool definitions, tool choice and the tool-call round trip, against a fake server.</summary>
public sealed class OpenAIChatClientToolTests : FakeServerTests
{
    private static readonly AIFunctionDeclaration CheckStock = AIFunctionFactory.CreateDeclaration(
        "check_stock",
        "Returns how many items of a SKU in a size are in stock.",
        JsonDocument.Parse("""
            {"title":"check_stock","type":"object","properties":{"sku":{"type":"string","pattern":"^[A-Z]+-\\d+$"},"size":{"type":"integer"}},"required":["sku"]}
            """).RootElement,
        returnJsonSchema: null);

    [Fact]
    public async Task GetResponseAsync_FunctionDeclaration_SendsAFunctionToolWithItsSchemaAndAutoChoice()
    {
        await Client.GetResponseAsync("Є розмір 110?", new ChatOptions { Tools = [CheckStock] });

        var body = Server.LastRequest.Json();
        var tool = body.GetProperty("tools").EnumerateArray().Should().ContainSingle().Subject;
        tool.GetProperty("type").GetString().Should().Be("function");
        var function = tool.GetProperty("function");
        function.GetProperty("name").GetString().Should().Be("check_stock");
        function.GetProperty("description").GetString().Should().Be("Returns how many items of a SKU in a size are in stock.");
        function.TryGetProperty("strict", out _).Should().BeFalse("strict was not asked for");
        var parameters = function.GetProperty("parameters");
        parameters.EnumerateObject().Select(p => p.Name).Should().Equal("type", "required", "properties", "additionalProperties");
        parameters.GetProperty("required").EnumerateArray().Select(r => r.GetString()).Should().Equal("sku");
        parameters.GetProperty("properties").GetProperty("sku").GetProperty("pattern").GetString().Should().Be("^[A-Z]+-\\d+$");
        body.GetProperty("tool_choice").GetString().Should().Be("auto");
    }

    [Fact]
    public async Task GetResponseAsync_StrictFunction_SendsStrictAndTheStrictSchema()
    {
        var options = new ChatOptions { Tools = [CheckStock], AdditionalProperties = new() { ["strict"] = true } };

        await Client.GetResponseAsync("Є розмір 110?", options);

        var function = Server.LastRequest.Json().GetProperty("tools")[0].GetProperty("function");
        function.GetProperty("strict").GetBoolean().Should().BeTrue();
        var parameters = function.GetProperty("parameters");
        parameters.GetProperty("required").EnumerateArray().Select(r => r.GetString()).Should().BeEquivalentTo("sku", "size");
        parameters.GetProperty("properties").GetProperty("sku").TryGetProperty("pattern", out _).Should().BeFalse();
    }

    public static TheoryData<string, JsonNode> ToolModes() => new()
    {
        { "auto", JsonValue.Create("auto") },
        { "none", JsonValue.Create("none") },
        { "required", JsonValue.Create("required") },
        { "check_stock", new JsonObject { ["type"] = "function", ["function"] = new JsonObject { ["name"] = "check_stock" } } },
    };

    [Theory]
    [MemberData(nameof(ToolModes))]
    public async Task GetResponseAsync_ToolMode_SendsTheMatchingToolChoice(string mode, JsonNode expected)
    {
        ChatToolMode toolMode = mode switch
        {
            "auto" => ChatToolMode.Auto,
            "none" => ChatToolMode.None,
            "required" => ChatToolMode.RequireAny,
            _ => ChatToolMode.RequireSpecific(mode),
        };

        await Client.GetResponseAsync("Є розмір 110?", new ChatOptions { Tools = [CheckStock], ToolMode = toolMode });

        var sent = JsonNode.Parse(Server.LastRequest.Json().GetProperty("tool_choice").GetRawText());
        JsonNode.DeepEquals(sent, expected).Should().BeTrue($"tool_choice was {sent?.ToJsonString()}");
    }

    [Fact]
    public async Task GetResponseAsync_ToolCallInTheAnswer_ReturnsFunctionCallContentWithParsedArguments()
    {
        Server.OnRequest = (_, _) => Task.FromResult(FakeOpenAIResponse.Completion(
            text: null,
            finishReason: "tool_calls",
            toolCalls: new JsonArray(ToolCall("call_1", "check_stock", """{"sku":"DR-12","size":110}"""))));

        var response = await Client.GetResponseAsync("Є розмір 110?", new ChatOptions { Tools = [CheckStock] });

        response.FinishReason.Should().Be(Microsoft.Extensions.AI.ChatFinishReason.ToolCalls);
        var call = response.Messages.Single().Contents.OfType<FunctionCallContent>().Should().ContainSingle().Subject;
        call.CallId.Should().Be("call_1");
        call.Name.Should().Be("check_stock");
        call.Exception.Should().BeNull();
        call.Arguments!["sku"].Should().BeOfType<JsonElement>().Which.GetString().Should().Be("DR-12");
        ((JsonElement)call.Arguments["size"]!).GetInt32().Should().Be(110);
        call.RawRepresentation.Should().BeOfType<ChatToolCall>();
    }

    [Fact]
    public async Task GetResponseAsync_ToolCallWithBrokenArguments_CarriesTheParseErrorInsteadOfThrowing()
    {
        Server.OnRequest = (_, _) => Task.FromResult(FakeOpenAIResponse.Completion(
            text: null,
            finishReason: "tool_calls",
            toolCalls: new JsonArray(ToolCall("call_1", "check_stock", """{"sku": """))));

        var response = await Client.GetResponseAsync("Є розмір 110?", new ChatOptions { Tools = [CheckStock] });

        var call = response.Messages.Single().Contents.OfType<FunctionCallContent>().Single();
        call.Exception.Should().NotBeNull();
    }

    [Fact]
    public async Task GetResponseAsync_ToolCallRoundTrip_SendsTheAssistantCallAndTheToolResult()
    {
        AIChatMessage[] conversation =
        [
            new(ChatRole.User, "Є розмір 110?"),
            new(ChatRole.Assistant, [new FunctionCallContent("call_1", "check_stock", new Dictionary<string, object?> { ["sku"] = "DR-12", ["size"] = 110 })]),
            new(ChatRole.Tool, [new FunctionResultContent("call_1", new { inStock = 3 }), new FunctionResultContent("call_2", "plain text")]),
        ];

        await Client.GetResponseAsync(conversation, new ChatOptions { Tools = [CheckStock] });

        var sent = Server.LastRequest.Json().GetProperty("messages").EnumerateArray().ToList();
        sent.Select(m => m.GetProperty("role").GetString()).Should().Equal("user", "assistant", "tool", "tool");
        var toolCall = sent[1].GetProperty("tool_calls").EnumerateArray().Should().ContainSingle().Subject;
        toolCall.GetProperty("id").GetString().Should().Be("call_1");
        toolCall.GetProperty("type").GetString().Should().Be("function");
        toolCall.GetProperty("function").GetProperty("name").GetString().Should().Be("check_stock");
        using (var arguments = JsonDocument.Parse(toolCall.GetProperty("function").GetProperty("arguments").GetString()!))
        {
            arguments.RootElement.GetProperty("sku").GetString().Should().Be("DR-12");
            arguments.RootElement.GetProperty("size").GetInt32().Should().Be(110);
        }

        sent[2].GetProperty("tool_call_id").GetString().Should().Be("call_1");
        using (var result = JsonDocument.Parse(sent[2].GetProperty("content").GetString()!))
        {
            result.RootElement.GetProperty("inStock").GetInt32().Should().Be(3, "a non-string result is sent as JSON");
        }

        sent[3].GetProperty("tool_call_id").GetString().Should().Be("call_2");
        sent[3].GetProperty("content").GetString().Should().Be("plain text");
    }

    [Fact]
    public async Task GetStreamingResponseAsync_ToolCallFragments_AssemblesOneFunctionCallAtTheEnd()
    {
        Server.OnRequest = (_, _) => Task.FromResult(FakeOpenAIResponse.Stream(
            FakeOpenAIResponse.Chunk(withRole: true, toolCalls: new JsonArray(StreamedToolCall(0, "call_1", "check_stock", """{"sku":"""))),
            FakeOpenAIResponse.Chunk(toolCalls: new JsonArray(StreamedToolCall(0, null, null, "\"DR-12\","))),
            FakeOpenAIResponse.Chunk(toolCalls: new JsonArray(StreamedToolCall(0, null, null, "\"size\":110}"))),
            FakeOpenAIResponse.Chunk(finishReason: "tool_calls")));

        var updates = await Client.GetStreamingResponseAsync("Є розмір 110?", new ChatOptions { Tools = [CheckStock] }).ToListAsync();

        updates.SkipLast(1).SelectMany(u => u.Contents).OfType<FunctionCallContent>().Should().BeEmpty("fragments are not parsable");
        var last = updates[^1];
        last.FinishReason.Should().Be(Microsoft.Extensions.AI.ChatFinishReason.ToolCalls);
        last.Role.Should().Be(ChatRole.Assistant);
        var call = last.Contents.OfType<FunctionCallContent>().Should().ContainSingle().Subject;
        call.CallId.Should().Be("call_1");
        call.Name.Should().Be("check_stock");
        ((JsonElement)call.Arguments!["sku"]!).GetString().Should().Be("DR-12");
        ((JsonElement)call.Arguments["size"]!).GetInt32().Should().Be(110);
    }

    private static JsonObject ToolCall(string id, string name, string arguments) => new()
    {
        ["id"] = id,
        ["type"] = "function",
        ["function"] = new JsonObject { ["name"] = name, ["arguments"] = arguments },
    };

    private static JsonObject StreamedToolCall(int index, string? id, string? name, string arguments)
    {
        var function = new JsonObject { ["arguments"] = arguments };
        var call = new JsonObject { ["index"] = index, ["function"] = function };
        if (id is not null)
        {
            call["id"] = id;
            call["type"] = "function";
        }

        if (name is not null)
        {
            function["name"] = name;
        }

        return call;
    }
}
