using System.Text;
using System.Text.Json;
using Mirt.Host.Web;
using Mirt.Sales.Assistant;
using Mirt.Sales.Storage;
using Mirt.Testing;

namespace Mirt.Golden.Tests;

/// <summary>
/// Pins whole conversations: what the customer wrote, every bubble, the state/phase path, the node path, the
/// templates and the exact ManyChat JSON. A prompt author runs the tests, reads the diff, and accepts it with
/// MIRT_ACCEPT_GOLDEN=1.
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
        await using var assistant = await SalesAssistant.CreateAsync(new SalesAssistantOptions
        {
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
            var reply = await assistant.HandleAsync(message);
            transcript.Append(Describe(++turn, message, reply));
        }

        GoldenFile.VerifyIn(directory, transcript.ToString(), $"{nameof(GoldenFlowTests)}.{flow}");
    }

    private static string Describe(int turn, IncomingMessage message, AssistantReply reply)
    {
        var text = new StringBuilder();
        text.Append($"## turn {turn} · thread {message.ThreadId}\n");
        text.Append($"customer: {message.Text}{(message.ImageUrl is null ? string.Empty : $" [image {message.ImageUrl}]")}\n");
        foreach (var bubble in reply.Replies)
        {
            text.Append($"bot: {bubble.Replace("\n", "\n     ", StringComparison.Ordinal)}\n");
        }

        text.Append($"state: {reply.State} / {reply.Phase} · intent: {reply.Intent} · degraded: {reply.Degraded.ToString().ToLowerInvariant()}\n");
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
}
