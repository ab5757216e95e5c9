using System.Text;
using System.Text.Json;
using Mirt.Host.Web;
using Mirt.Sales.Assistant;
using Mirt.Sales.Storage;
using Mirt.Testing;
using Mirt.Testing.Llm;
using Mirt.Testing.Media;

namespace Mirt.Golden.Tests;

/// <summary>
/// Pins whole conversations: what the customer wrote, every bubble, the state/phase path, the node path, the
/// templates and the exact ManyChat JSON. A prompt author runs the tests, reads the diff, and accepts it with
/// MIRT_ACCEPT_GOLDEN=1. A flow folder with a <c>model.jsonl</c> runs on the LLM path with that scripted model
/// (<see cref="ScriptedChatClient"/>, photos served by <see cref="FakeImageFetcher"/>); its transcript also shows
/// each model call and every repair request.
/// </summary>
public sealed class GoldenFlowTests
{
    private static readonly string FlowsDirectory = Path.Combine(RepoPaths.Root, "tests", "Golden", "Flows");

    public static TheoryData<string> Flows => new(Directory.GetDirectories(FlowsDirectory).Select(Path.GetFileName).Order(StringComparer.Ordinal)!);

    [Theory]
    [MemberData(nameof(Flows))]
    public async Task Flow_MatchesVerifiedTranscript(string flow)
    {
        var directory = Path.Combine(FlowsDirectory, flow);
        var script = Path.Combine(directory, "model.jsonl");
        var model = File.Exists(script) ? ScriptedChatClient.Load(script) : null;
        await using var assistant = await SalesAssistant.CreateAsync(new SalesAssistantOptions
        {
            ChatClient = model,
            ImageFetcher = model is null ? null : new FakeImageFetcher(),
            Store = StoreKind.InMemory,
            PromptsDirectory = RepoPaths.Prompts,
            Time = new ManualTimeProvider(),
            Ids = new SequentialIdGenerator(),
        });

        var transcript = new StringBuilder();
        var turn = 0;
        foreach (var line in File.ReadLines(Path.Combine(directory, "conversation.jsonl")).Where(l => l.Length > 0))
        {
            using var input = JsonDocument.Parse(line);
            var root = input.RootElement;
            var message = new IncomingMessage(
                root.GetProperty("thread").GetString()!,
                root.GetProperty("text").GetString()!,
                root.TryGetProperty("image_url", out var image) ? image.GetString() : null);
            var callsBefore = model?.Calls.Count ?? 0;
            var reply = await assistant.HandleAsync(message);
            transcript.Append(Describe(++turn, message, reply, model?.Calls.Skip(callsBefore).ToList() ?? []));
        }

        GoldenFile.VerifyIn(directory, transcript.ToString(), $"{nameof(GoldenFlowTests)}.{flow}");
        model?.Remaining.Should().BeEmpty("every answer in {0} is for a call the flow makes", script);
    }

    private static string Describe(int turn, IncomingMessage message, AssistantReply reply, IReadOnlyList<ScriptedCall> calls)
    {
        var text = new StringBuilder();
        text.Append($"## turn {turn} · thread {message.ThreadId}\n");
        text.Append($"customer: {message.Text}{(message.ImageUrl is null ? string.Empty : $" [image {message.ImageUrl}]")}\n");
        foreach (var bubble in reply.Replies)
        {
            text.Append($"bot: {bubble.Replace("\n", "\n     ", StringComparison.Ordinal)}\n");
        }

        text.Append($"state: {reply.State} / {reply.Phase} · intent: {reply.Intent} · degraded: {reply.Degraded.ToString().ToLowerInvariant()}{(reply.DegradedReason is { } reason ? $" ({reason})" : string.Empty)}\n");
        DescribeModelCalls(text, calls);
        text.Append($"nodes: {string.Join(" → ", reply.Path)}\n");
        text.Append($"templates: {string.Join(", ", reply.Templates)}\n");
        foreach (var product in reply.Products)
        {
            text.Append($"product: {product.Sku ?? "-"} · {product.Name} · {product.Size} · {product.Color ?? "-"} · {product.PriceUah} UAH\n");
        }

        if (reply.Escalation is not null)
        {
            text.Append($"escalation: {reply.Escalation.Level} {reply.Escalation.Reason}\n");
        }

        if (reply.Order is not null)
        {
            text.Append($"order: {reply.Order.Key[..12]} · total {reply.Order.TotalUah} UAH · {reply.Order.PaymentMethod} · due now {reply.Order.DueNowUah} UAH\n");
        }

        text.Append("manychat:\n").Append(DynamicBlockResponse.FromBubbles(reply.Replies).ToJson(indented: true)).Append("\n\n");
        return text.ToString();
    }

    // One line per model call: the node and the script line that answered; a compose call after the first of a turn
    // is a repair, so its request (the validation errors) is shown as the model received it.
    private static void DescribeModelCalls(StringBuilder text, IReadOnlyList<ScriptedCall> calls)
    {
        var composeCalls = 0;
        foreach (var call in calls)
        {
            var answer = call.Entry is null ? "no script line left" : call.Entry.Throw is { } failure ? $"model.jsonl:{call.Entry.Line} throws {failure}" : $"model.jsonl:{call.Entry.Line}";
            text.Append($"model: {call.Node} ← {answer}\n");
            if (call.Node == "compose" && composeCalls++ > 0)
            {
                text.Append($"repair request: {call.Messages[^1].Text.Replace("\n", "\n     ", StringComparison.Ordinal)}\n");
            }
        }
    }
}
