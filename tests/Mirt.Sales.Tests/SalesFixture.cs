using Mirt.Sales.Assistant;
using Mirt.Sales.Storage;
using Mirt.Testing;

namespace Mirt.Sales.Tests;

/// <summary>Creates assistants over the repository's real templates and data.</summary>
internal static class SalesFixture
{
    public static Task<SalesAssistant> InMemoryAsync(TimeProvider? time = null) =>
        SalesAssistant.CreateAsync(new SalesAssistantOptions
        {
            Store = StoreKind.InMemory,
            PromptsDirectory = RepoPaths.Prompts,
            Time = time ?? new ManualTimeProvider(),
        });

    public static async Task<AssistantReply> SayAsync(this SalesAssistant assistant, string thread, string text, string? image = null) =>
        await assistant.HandleAsync(new IncomingMessage(thread, text, image));

    public static async Task<AssistantReply> ConverseAsync(this SalesAssistant assistant, string thread, params string[] messages)
    {
        AssistantReply? last = null;
        foreach (var message in messages)
        {
            last = await assistant.SayAsync(thread, message);
        }

        return last!;
    }
}
