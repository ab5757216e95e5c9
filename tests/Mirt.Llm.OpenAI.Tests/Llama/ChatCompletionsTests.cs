using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Mirt.Testing.Llm;

namespace Mirt.Llm.OpenAI.Tests.Llama;

public sealed class ChatCompletionsTests(LlamaServerFixture fixture) : IClassFixture<LlamaServerFixture>
{
    [Fact]
    public async Task ChatCompletions_PlainRequest_AnswersWithAChoiceAndUsage()
    {
        using var http = fixture.CreateHttpClient();

        using var response = await http.PostAsync(new Uri("v1/chat/completions", UriKind.Relative), ChatRequests.Plain(fixture.Model, "Привіт! Є сукня на 5 років?", maxTokens: 8));
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var root = body.RootElement;
        root.GetProperty("object").GetString().Should().Be("chat.completion");
        var choice = root.GetProperty("choices")[0];
        choice.GetProperty("message").GetProperty("role").GetString().Should().Be("assistant");
        choice.GetProperty("message").GetProperty("content").ValueKind.Should().Be(JsonValueKind.String);
        choice.GetProperty("finish_reason").GetString().Should().BeOneOf("length", "stop");
        var usage = root.GetProperty("usage");
        var prompt = usage.GetProperty("prompt_tokens").GetInt32();
        var completion = usage.GetProperty("completion_tokens").GetInt32();
        prompt.Should().BeGreaterThan(20, "the chat template wraps the 26-character message");
        completion.Should().BeInRange(1, 8);
        usage.GetProperty("total_tokens").GetInt32().Should().Be(prompt + completion);
    }

    [Fact]
    public async Task ChatCompletions_JsonSchemaResponseFormat_ReturnsJsonMatchingTheSchema()
    {
        using var http = fixture.CreateHttpClient();
        var schema = new JsonObject
        {
            ["type"] = "object",
            ["properties"] = new JsonObject { ["a"] = new JsonObject { ["type"] = "integer" } },
            ["required"] = new JsonArray("a"),
            ["additionalProperties"] = false,
        };

        using var response = await http.PostAsync(new Uri("v1/chat/completions", UriKind.Relative), ChatRequests.WithJsonSchema(fixture.Model, "Дай число", maxTokens: 200, schema));
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var choice = body.RootElement.GetProperty("choices")[0];
        choice.GetProperty("finish_reason").GetString().Should().Be("stop", "the grammar ends the object well before 200 tokens");
        using var answer = JsonDocument.Parse(choice.GetProperty("message").GetProperty("content").GetString()!);
        answer.RootElement.ValueKind.Should().Be(JsonValueKind.Object);
        answer.RootElement.EnumerateObject().Select(p => p.Name).Should().Equal("a");
        answer.RootElement.GetProperty("a").TryGetInt64(out _).Should().BeTrue();
    }
}
