using System.Text.Json.Nodes;
using Microsoft.Extensions.AI;
using Mirt.Testing.Llm;
using OpenAI.Chat;
using ChatFinishReason = Microsoft.Extensions.AI.ChatFinishReason;

namespace Mirt.Llm.OpenAI.Tests.Adapter;

/// <summary>How answers from a fake server become <see cref="ChatResponse"/>s and <see cref="ChatResponseUpdate"/>s.</summary>
public sealed class OpenAIChatClientResponseTests : FakeServerTests
{
    [Fact]
    public async Task GetResponseAsync_Completion_MapsTextIdsModelTimeFinishReasonAndUsage()
    {
        Server.OnRequest = (_, _) => Task.FromResult(FakeOpenAIResponse.Completion("Так, є в наявності.", finishReason: "length", model: "served-model", id: "chatcmpl-42"));

        var response = await Client.GetResponseAsync("Є сукня?");

        response.Text.Should().Be("Так, є в наявності.");
        var message = response.Messages.Should().ContainSingle().Subject;
        message.Role.Should().Be(ChatRole.Assistant);
        message.MessageId.Should().Be("chatcmpl-42");
        response.ResponseId.Should().Be("chatcmpl-42");
        response.ModelId.Should().Be("served-model");
        response.CreatedAt.Should().Be(DateTimeOffset.FromUnixTimeSeconds(1_764_000_000));
        response.FinishReason.Should().Be(ChatFinishReason.Length);
        response.Usage!.InputTokenCount.Should().Be(11);
        response.Usage.OutputTokenCount.Should().Be(7);
        response.Usage.TotalTokenCount.Should().Be(18);
        response.RawRepresentation.Should().BeOfType<ChatCompletion>();
    }

    [Theory]
    [InlineData("stop", "stop")]
    [InlineData("length", "length")]
    [InlineData("content_filter", "content_filter")]
    [InlineData("tool_calls", "tool_calls")]
    [InlineData("function_call", "tool_calls")]
    public async Task GetResponseAsync_FinishReason_MapsToTheMatchingChatFinishReason(string sent, string expected)
    {
        Server.OnRequest = (_, _) => Task.FromResult(FakeOpenAIResponse.Completion("x", finishReason: sent));

        var response = await Client.GetResponseAsync("Привіт");

        response.FinishReason.Should().Be(new ChatFinishReason(expected));
    }

    [Fact]
    public async Task GetResponseAsync_Refusal_ReturnsErrorContentWithTheRefusalCode()
    {
        Server.OnRequest = (_, _) => Task.FromResult(FakeOpenAIResponse.Json(new JsonObject
        {
            ["id"] = "chatcmpl-r",
            ["object"] = "chat.completion",
            ["created"] = 1_764_000_000,
            ["model"] = "m",
            ["choices"] = new JsonArray(new JsonObject
            {
                ["index"] = 0,
                ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = null, ["refusal"] = "I cannot help with that." },
                ["finish_reason"] = "stop",
            }),
        }.ToJsonString()));

        var response = await Client.GetResponseAsync("Привіт");

        var error = response.Messages.Single().Contents.OfType<ErrorContent>().Should().ContainSingle().Subject;
        error.ErrorCode.Should().Be("Refusal");
        error.Message.Should().Be("I cannot help with that.");
        response.Usage.Should().BeNull("the server reported none");
    }

    [Fact]
    public async Task GetStreamingResponseAsync_TextDeltas_ConcatenateWithFinishReasonAndUsageAtTheEnd()
    {
        Server.OnRequest = (_, _) => Task.FromResult(FakeOpenAIResponse.Stream(
            FakeOpenAIResponse.Chunk("Так, ", withRole: true),
            FakeOpenAIResponse.Chunk("є в "),
            FakeOpenAIResponse.Chunk("наявності."),
            FakeOpenAIResponse.Chunk(finishReason: "stop"),
            FakeOpenAIResponse.Chunk(usage: new JsonObject { ["prompt_tokens"] = 11, ["completion_tokens"] = 4, ["total_tokens"] = 15 })));

        var updates = await Client.GetStreamingResponseAsync("Є сукня?").ToListAsync();

        string.Concat(updates.Select(u => u.Text)).Should().Be("Так, є в наявності.");
        updates.Should().OnlyContain(u => u.Role == ChatRole.Assistant && u.ResponseId == "chatcmpl-s1" && u.ModelId == "fake-model");
        updates.Take(3).Should().OnlyContain(u => u.FinishReason == null);
        updates.Skip(3).Should().OnlyContain(u => u.FinishReason == ChatFinishReason.Stop);
        updates.Should().OnlyContain(u => u.RawRepresentation is StreamingChatCompletionUpdate);
        var usage = updates[^1].Contents.OfType<UsageContent>().Should().ContainSingle().Subject.Details;
        usage.InputTokenCount.Should().Be(11);
        usage.OutputTokenCount.Should().Be(4);
        usage.TotalTokenCount.Should().Be(15);

        var response = updates.ToChatResponse();
        response.Text.Should().Be("Так, є в наявності.");
        response.FinishReason.Should().Be(ChatFinishReason.Stop);
        response.Usage!.TotalTokenCount.Should().Be(15);
    }

    [Fact]
    public async Task GetStreamingResponseAsync_Request_AsksForStreamingWithUsage()
    {
        Server.OnRequest = (_, _) => Task.FromResult(FakeOpenAIResponse.Stream(FakeOpenAIResponse.Chunk("Ok", "stop", withRole: true)));

        await Client.GetStreamingResponseAsync("Привіт").ToListAsync();

        var body = Server.LastRequest.Json();
        body.GetProperty("stream").GetBoolean().Should().BeTrue();
        body.GetProperty("stream_options").GetProperty("include_usage").GetBoolean().Should().BeTrue();
    }
}
