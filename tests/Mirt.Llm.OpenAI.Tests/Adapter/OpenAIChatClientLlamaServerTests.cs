using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.AI;
using Mirt.Testing.Llm;
using OpenAI.Chat;
using ChatFinishReason = Microsoft.Extensions.AI.ChatFinishReason;
using ChatResponseFormat = Microsoft.Extensions.AI.ChatResponseFormat;

namespace Mirt.Llm.OpenAI.Tests.Adapter;

/// <summary>
/// The adapter against a real llama.cpp server with a random-weights model: the text is nonsense, but the protocol,
/// sampling controls, grammar-constrained JSON, errors, timeouts and cancellation are real.
/// </summary>
public sealed class OpenAIChatClientLlamaServerTests(LlamaServerFixture fixture) : IClassFixture<LlamaServerFixture>
{
    private const string Question = "Є сукня на 5 років?";

    [Fact]
    public async Task GetResponseAsync_PlainRequest_ReturnsTextFinishReasonIdsAndUsage()
    {
        using var client = CreateClient();

        var response = await client.GetResponseAsync(Question, new ChatOptions { MaxOutputTokens = 12, Temperature = 0 });

        response.Text.Should().NotBeEmpty();
        response.FinishReason.Should().BeOneOf(ChatFinishReason.Length, ChatFinishReason.Stop);
        response.ResponseId.Should().StartWith("chatcmpl-");
        response.ModelId.Should().Be(LlamaServer.ModelId);
        response.CreatedAt.Should().NotBeNull();
        response.Messages.Should().ContainSingle().Which.Role.Should().Be(ChatRole.Assistant);
        response.Usage!.InputTokenCount.Should().BeGreaterThan(Question.Length, "the chat template wraps the question");
        response.Usage.OutputTokenCount.Should().BeInRange(1, 12);
        response.Usage.TotalTokenCount.Should().Be(response.Usage.InputTokenCount + response.Usage.OutputTokenCount);
        response.RawRepresentation.Should().BeOfType<ChatCompletion>();
    }

    [Fact]
    public async Task GetStreamingResponseAsync_SameGreedyRequest_StreamsTheSameTextWithFinishReasonAndUsage()
    {
        using var client = CreateClient();
        var options = new ChatOptions { MaxOutputTokens = 24, Temperature = 0 };
        var whole = await client.GetResponseAsync(Question, options);

        var updates = await client.GetStreamingResponseAsync(Question, options).ToListAsync();

        updates.Count(u => u.Text.Length > 0).Should().BeGreaterThan(1, "text arrives in deltas");
        string.Concat(updates.Select(u => u.Text)).Should().Be(whole.Text, "greedy decoding of the same prompt is deterministic");
        updates[^1].FinishReason.Should().Be(whole.FinishReason);
        var usage = updates.SelectMany(u => u.Contents).OfType<UsageContent>().Should().ContainSingle().Subject.Details;
        usage.OutputTokenCount.Should().Be(whole.Usage!.OutputTokenCount);
        usage.InputTokenCount.Should().Be(whole.Usage.InputTokenCount);
    }

    [Fact]
    public async Task GetResponseAsync_StopSequence_EndsTheTextBeforeItWithFinishReasonStop()
    {
        using var client = CreateClient();
        var options = new ChatOptions { MaxOutputTokens = 40, Temperature = 0 };
        var unstopped = (await client.GetResponseAsync(Question, options)).Text;
        // The first character whose first occurrence is a few characters in, so the stopped text is not empty.
        var at = Enumerable.Range(3, unstopped.Length - 3).First(i => unstopped.IndexOf(unstopped[i], StringComparison.Ordinal) == i);
        var stop = unstopped[at].ToString();

        var stopped = await client.GetResponseAsync(Question, new ChatOptions { MaxOutputTokens = 40, Temperature = 0, StopSequences = [stop] });

        stopped.FinishReason.Should().Be(ChatFinishReason.Stop);
        stopped.Text.Should().Be(unstopped[..at], $"generation stops where \"{stop}\" would have been written");
    }

    [Fact]
    public async Task GetResponseAsync_JsonSchemaFormat_ReturnsJsonThatMatchesTheSchema()
    {
        using var client = CreateClient();
        using var schema = JsonDocument.Parse("""
            {
              "type": "object",
              "properties": {
                "intent": { "type": "string", "enum": ["buy", "ask_price", "other"] },
                "quantity": { "type": "integer" },
                "urgent": { "type": "boolean" }
              }
            }
            """);
        var options = new ChatOptions
        {
            MaxOutputTokens = 300,
            ResponseFormat = ChatResponseFormat.ForJsonSchema(schema.RootElement, "reply", "The customer's intent."),
            AdditionalProperties = new() { ["strict"] = true },
        };

        var response = await client.GetResponseAsync(Question, options);

        response.FinishReason.Should().Be(ChatFinishReason.Stop, "the grammar closes the object well before 300 tokens");
        using var reply = JsonDocument.Parse(response.Text);
        var root = reply.RootElement;
        root.EnumerateObject().Select(p => p.Name).Should().BeEquivalentTo(["intent", "quantity", "urgent"], "strict requires every property and no other");
        root.GetProperty("intent").GetString().Should().BeOneOf("buy", "ask_price", "other");
        root.GetProperty("quantity").TryGetInt64(out _).Should().BeTrue();
        root.GetProperty("urgent").ValueKind.Should().BeOneOf(JsonValueKind.True, JsonValueKind.False);
    }

    [Fact]
    public async Task GetResponseAsync_WrongApiKey_ThrowsLlmAuthenticationException()
    {
        using var client = CreateClient(o => o.ApiKey = "wrong-key");

        var thrown = await client.Invoking(c => c.GetResponseAsync(Question)).Should().ThrowAsync<LlmAuthenticationException>();

        thrown.Which.StatusCode.Should().Be(401);
        thrown.Which.IsTransient.Should().BeFalse();
        thrown.Which.ServerErrorCode.Should().Be("authentication_error");
        thrown.Which.Message.Should().NotContain("wrong-key").And.NotContain(fixture.ApiKey);
    }

    [Fact]
    public async Task GetResponseAsync_PromptLongerThanTheContext_ThrowsLlmRequestExceptionWithTheServerMessage()
    {
        using var client = CreateClient();
        var transcript = string.Concat(Enumerable.Repeat("розмір ", 1000)); // one token per character: 7000 tokens

        var thrown = await client.Invoking(c => c.GetResponseAsync(transcript, new ChatOptions { MaxOutputTokens = 4 })).Should().ThrowAsync<LlmRequestException>();

        thrown.Which.StatusCode.Should().Be(400);
        thrown.Which.IsTransient.Should().BeFalse();
        thrown.Which.ServerErrorCode.Should().Be("exceed_context_size_error");
        thrown.Which.ServerMessage.Should().Contain("exceeds the available context size");
        thrown.Which.Message.Should().Contain("exceeds the available context size");
    }

    [Fact]
    public async Task GetResponseAsync_ImageForATextOnlyModel_ReachesTheServerAndThrowsLlmServerException()
    {
        using var client = CreateClient();
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
        var message = new Microsoft.Extensions.AI.ChatMessage(ChatRole.User, [new TextContent("Що це?"), new DataContent(png, "image/png")]);

        var thrown = await client.Invoking(c => c.GetResponseAsync([message])).Should().ThrowAsync<LlmServerException>();

        thrown.Which.StatusCode.Should().Be(500);
        thrown.Which.ServerMessage.Should().Contain("image input is not supported", "the image part arrived as an image");
    }

    [Fact]
    public async Task GetResponseAsync_GenerationLongerThanNetworkTimeout_ThrowsLlmNetworkTimeoutException()
    {
        using var client = CreateClient(o => o.NetworkTimeout = TimeSpan.FromMilliseconds(100));
        var clock = Stopwatch.StartNew();

        var thrown = await client.Invoking(c => c.GetResponseAsync(Question, LongGeneration())).Should().ThrowAsync<LlmNetworkTimeoutException>();

        thrown.Which.IsTransient.Should().BeTrue();
        clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task GetStreamingResponseAsync_CancelledMidGeneration_ThrowsOperationCanceledExceptionPromptly()
    {
        using var client = CreateClient();
        using var deadline = new CancellationTokenSource();
        var received = 0;
        var sinceCancel = new Stopwatch();

        var consume = async () =>
        {
            await foreach (var update in client.GetStreamingResponseAsync(Question, LongGeneration(), deadline.Token))
            {
                if (update.Text.Length > 0 && ++received == 3)
                {
                    sinceCancel.Start();
                    await deadline.CancelAsync();
                }
            }
        };

        var thrown = await consume.Should().ThrowAsync<OperationCanceledException>();
        thrown.Which.Should().NotBeAssignableTo<LlmException>();
        sinceCancel.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(5));
        received.Should().Be(3, "nothing is yielded after the cancellation");
    }

    [Fact]
    public async Task GetResponseAsync_CancelledMidGeneration_ThrowsOperationCanceledException()
    {
        using var client = CreateClient();
        using var deadline = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));

        var thrown = await client.Invoking(c => c.GetResponseAsync(Question, LongGeneration(), deadline.Token)).Should().ThrowAsync<OperationCanceledException>();

        thrown.Which.Should().NotBeAssignableTo<LlmException>();
    }

    private IChatClient CreateClient(Action<OpenAIChatClientOptions>? configure = null)
    {
        var options = new OpenAIChatClientOptions
        {
            Endpoint = fixture.Endpoint,
            ApiKey = fixture.ApiKey,
            Model = fixture.Model,
            NetworkTimeout = TimeSpan.FromSeconds(60),
        };
        configure?.Invoke(options);
        return OpenAIChatClientFactory.Create(options);
    }

    /// <summary>
    /// Asks for 3000 tokens with the end-of-text token ignored (a llama.cpp field, set through the SDK's JSON patch), so
    /// generation runs for a second or more even though the tiny model is fast.
    /// </summary>
    private static ChatOptions LongGeneration() => new()
    {
        MaxOutputTokens = 3000,
        RawRepresentationFactory = _ =>
        {
            var raw = new ChatCompletionOptions();
#pragma warning disable SCME0001 // JsonPatch is the SDK's way to send a field it does not model.
            raw.Patch.Set("$.ignore_eos"u8, true);
#pragma warning restore SCME0001
            return raw;
        },
    };
}
