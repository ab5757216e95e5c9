using System.Text.Json;
using Microsoft.Extensions.AI;
using Mirt.Testing.Llm;

namespace Mirt.Llm.OpenAI.Tests.Adapter;

/// <summary>What the adapter puts on the wire, read back from a fake server.</summary>
public sealed class OpenAIChatClientRequestTests : FakeServerTests
{
    [Fact]
    public async Task GetResponseAsync_EveryRole_SendsEachMessageWithItsRoleAndText()
    {
        ChatMessage[] messages =
        [
            new(ChatRole.System, "Ти менеджер магазину."),
            new(ChatRole.User, "Є сукня?"),
            new(ChatRole.Assistant, "Так, є."),
            new(ChatRole.User, "Яка ціна?"),
        ];

        await Client.GetResponseAsync(messages, new ChatOptions { Instructions = "Відповідай коротко." });

        var request = Server.LastRequest;
        request.Path.Should().Be("/v1/chat/completions");
        request.Authorization.Should().Be($"Bearer {FakeServerClients.ApiKey}");
        var sent = request.Json().GetProperty("messages").EnumerateArray().ToList();
        sent.Select(m => m.GetProperty("role").GetString()).Should().Equal("system", "system", "user", "assistant", "user");
        sent.Select(TextOf).Should().Equal("Відповідай коротко.", "Ти менеджер магазину.", "Є сукня?", "Так, є.", "Яка ціна?");
    }

    [Fact]
    public async Task GetResponseAsync_ImageDataContent_SendsABase64DataUrlPart()
    {
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 1, 2, 3];
        var message = new ChatMessage(ChatRole.User, [new TextContent("Що це?"), new DataContent(png, "image/png")]);

        await Client.GetResponseAsync([message]);

        var parts = Server.LastRequest.Json().GetProperty("messages")[0].GetProperty("content").EnumerateArray().ToList();
        parts.Should().HaveCount(2);
        parts[0].GetProperty("type").GetString().Should().Be("text");
        parts[0].GetProperty("text").GetString().Should().Be("Що це?");
        parts[1].GetProperty("type").GetString().Should().Be("image_url");
        parts[1].GetProperty("image_url").GetProperty("url").GetString().Should().Be($"data:image/png;base64,{Convert.ToBase64String(png)}");
    }

    [Fact]
    public async Task GetResponseAsync_ImageUriContentWithDetail_SendsTheUrlAndDetail()
    {
        var image = new UriContent(new Uri("https://cdn.example.com/photo.jpg"), "image/jpeg")
        {
            AdditionalProperties = new() { ["detail"] = "low" },
        };

        await Client.GetResponseAsync([new ChatMessage(ChatRole.User, [image])]);

        var part = Server.LastRequest.Json().GetProperty("messages")[0].GetProperty("content")[0];
        part.GetProperty("type").GetString().Should().Be("image_url");
        part.GetProperty("image_url").GetProperty("url").GetString().Should().Be("https://cdn.example.com/photo.jpg");
        part.GetProperty("image_url").GetProperty("detail").GetString().Should().Be("low");
    }

    [Fact]
    public async Task GetResponseAsync_NonImageData_DropsItLikeTheOfficialAdapter()
    {
        var message = new ChatMessage(ChatRole.User, [new TextContent("Квитанція"), new DataContent(new byte[] { 1 }, "application/zip")]);

        await Client.GetResponseAsync([message]);

        // One text part is all that is left, and the SDK writes a lone text part as a plain string.
        Server.LastRequest.Json().GetProperty("messages")[0].GetProperty("content").GetString().Should().Be("Квитанція");
    }

    [Fact]
    public async Task GetResponseAsync_NoModelId_SendsTheDefaultModel()
    {
        await Client.GetResponseAsync("Привіт");

        Server.LastRequest.Json().GetProperty("model").GetString().Should().Be(FakeServerClients.DefaultModel);
    }

    [Fact]
    public async Task GetResponseAsync_ModelIdOverride_SendsTheOverrideModel()
    {
        await Client.GetResponseAsync("Привіт", new ChatOptions { ModelId = "fallback-model" });

        Server.LastRequest.Json().GetProperty("model").GetString().Should().Be("fallback-model");
    }

    [Fact]
    public async Task GetStreamingResponseAsync_ModelIdOverride_SendsTheOverrideModel()
    {
        Server.OnRequest = (_, _) => Task.FromResult(FakeOpenAIResponse.Stream(FakeOpenAIResponse.Chunk("Ok", "stop", withRole: true)));

        await Client.GetStreamingResponseAsync("Привіт", new ChatOptions { ModelId = "fallback-model" }).ToChatResponseAsync();

        var body = Server.LastRequest.Json();
        body.GetProperty("model").GetString().Should().Be("fallback-model");
        body.GetProperty("stream").GetBoolean().Should().BeTrue();
    }

    [Fact]
    public async Task GetResponseAsync_SamplingOptions_SendsEachParameter()
    {
        var options = new ChatOptions
        {
            Temperature = 0.25f,
            TopP = 0.5f,
            MaxOutputTokens = 321,
            StopSequences = ["###", "END"],
            Seed = 42,
            FrequencyPenalty = 0.75f,
            PresencePenalty = -0.5f,
        };

        await Client.GetResponseAsync("Привіт", options);

        var body = Server.LastRequest.Json();
        body.GetProperty("temperature").GetSingle().Should().Be(0.25f);
        body.GetProperty("top_p").GetSingle().Should().Be(0.5f);
        body.GetProperty("max_completion_tokens").GetInt32().Should().Be(321);
        body.GetProperty("stop").EnumerateArray().Select(s => s.GetString()).Should().Equal("###", "END");
        body.GetProperty("seed").GetInt64().Should().Be(42);
        body.GetProperty("frequency_penalty").GetSingle().Should().Be(0.75f);
        body.GetProperty("presence_penalty").GetSingle().Should().Be(-0.5f);
    }

    [Fact]
    public async Task GetResponseAsync_NoOptions_SendsOnlyModelAndMessages()
    {
        await Client.GetResponseAsync("Привіт");

        Server.LastRequest.Json().EnumerateObject().Select(p => p.Name).Should().BeEquivalentTo("model", "messages");
    }

    [Fact]
    public async Task GetResponseAsync_TextFormat_SendsTextResponseFormat()
    {
        await Client.GetResponseAsync("Привіт", new ChatOptions { ResponseFormat = ChatResponseFormat.Text });

        Server.LastRequest.Json().GetProperty("response_format").GetProperty("type").GetString().Should().Be("text");
    }

    [Fact]
    public async Task GetResponseAsync_JsonFormatWithoutSchema_SendsJsonObjectFormat()
    {
        await Client.GetResponseAsync("Привіт", new ChatOptions { ResponseFormat = ChatResponseFormat.Json });

        Server.LastRequest.Json().GetProperty("response_format").GetProperty("type").GetString().Should().Be("json_object");
    }

    [Fact]
    public async Task GetResponseAsync_JsonSchemaFormat_SendsNameDescriptionStrictAndTheStrictSchema()
    {
        using var schema = JsonDocument.Parse("""
            {"type":"object","properties":{"reply":{"type":"string","maxLength":200},"size":{"type":"integer"}},"required":["reply"]}
            """);
        var options = new ChatOptions
        {
            ResponseFormat = ChatResponseFormat.ForJsonSchema(schema.RootElement, "sales_reply", "One reply of the shop assistant."),
            AdditionalProperties = new() { ["strict"] = true },
        };

        await Client.GetResponseAsync("Привіт", options);

        var format = Server.LastRequest.Json().GetProperty("response_format");
        format.GetProperty("type").GetString().Should().Be("json_schema");
        var jsonSchema = format.GetProperty("json_schema");
        jsonSchema.GetProperty("name").GetString().Should().Be("sales_reply");
        jsonSchema.GetProperty("description").GetString().Should().Be("One reply of the shop assistant.");
        jsonSchema.GetProperty("strict").GetBoolean().Should().BeTrue();
        var sentSchema = jsonSchema.GetProperty("schema");
        sentSchema.GetProperty("additionalProperties").GetBoolean().Should().BeFalse();
        sentSchema.GetProperty("required").EnumerateArray().Select(r => r.GetString()).Should().BeEquivalentTo("reply", "size");
        var reply = sentSchema.GetProperty("properties").GetProperty("reply");
        reply.TryGetProperty("maxLength", out _).Should().BeFalse("strict mode rejects the keyword");
        reply.GetProperty("description").GetString().Should().Contain("maxLength: 200", "the model still reads the limit");
    }

    [Fact]
    public async Task GetResponseAsync_JsonSchemaFormatWithoutNameOrStrict_SendsTheDefaultNameAndNoStrict()
    {
        using var schema = JsonDocument.Parse("""{"type":"object","properties":{"a":{"type":"integer"}}}""");

        await Client.GetResponseAsync("Привіт", new ChatOptions { ResponseFormat = ChatResponseFormat.ForJsonSchema(schema.RootElement) });

        var jsonSchema = Server.LastRequest.Json().GetProperty("response_format").GetProperty("json_schema");
        jsonSchema.GetProperty("name").GetString().Should().Be("json_schema");
        jsonSchema.TryGetProperty("strict", out _).Should().BeFalse();
    }

    [Fact]
    public async Task GetResponseAsync_AuthorName_SendsASanitizedParticipantName()
    {
        await Client.GetResponseAsync([new ChatMessage(ChatRole.User, "Привіт") { AuthorName = "Олена manager 1" }]);

        Server.LastRequest.Json().GetProperty("messages")[0].GetProperty("name").GetString().Should().Be("______manager_1");
    }

    [Fact]
    public async Task GetResponseAsync_RawRepresentationFactory_ItsValuesAndPatchedFieldsWin()
    {
        var options = new ChatOptions
        {
            Temperature = 0.1f,
            ModelId = "fallback-model",
            RawRepresentationFactory = _ =>
            {
                var raw = new global::OpenAI.Chat.ChatCompletionOptions { Temperature = 0.9f };
#pragma warning disable SCME0001 // JsonPatch is the SDK's way to send a field it does not model.
                raw.Patch.Set("$.model"u8, "raw-model");
                raw.Patch.Set("$.top_k"u8, 40);
#pragma warning restore SCME0001
                return raw;
            },
        };

        await Client.GetResponseAsync("Привіт", options);

        var body = Server.LastRequest.Json();
        body.GetProperty("temperature").GetSingle().Should().Be(0.9f);
        body.GetProperty("model").GetString().Should().Be("raw-model");
        body.GetProperty("top_k").GetInt32().Should().Be(40);
    }

    private static string? TextOf(JsonElement message)
    {
        var content = message.GetProperty("content");
        return content.ValueKind == JsonValueKind.String
            ? content.GetString()
            : string.Concat(content.EnumerateArray().Select(p => p.GetProperty("text").GetString()));
    }
}
