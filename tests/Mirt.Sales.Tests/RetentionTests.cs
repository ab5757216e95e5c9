using Mirt.Graph.Checkpoints;
using Mirt.Sales.Assistant;
using Mirt.Testing;

namespace Mirt.Sales.Tests;

public sealed class RetentionTests
{
    [Fact]
    public async Task PruneOlderThan_DeletesOldCheckpoints_KeepsEveryConversationGoing()
    {
        var time = new ManualTimeProvider();
        var saver = new InMemoryCheckpointSaver();
        await using var assistant = await SalesAssistant.CreateAsync(new SalesAssistantOptions { Saver = saver, PromptsDirectory = RepoPaths.Prompts, Time = time });
        await assistant.SayAsync("old", "Шукаю сукню");
        await assistant.SayAsync("old", "зріст 118");
        time.Advance(TimeSpan.FromDays(40));
        await assistant.SayAsync("fresh", "Шукаю сукню");

        var deleted = await assistant.PruneOlderThanAsync(TimeSpan.FromDays(30));

        deleted.Should().BeGreaterThan(0);
        var left = await saver.ListAsync(CheckpointQuery.ForThread("old")).ToListAsync();
        left.Should().ContainSingle("only the latest checkpoint of the old conversation is kept");
        (await assistant.SayAsync("old", "рожевий")).Phase.Should().Be("OFFER_MADE", "the old conversation continues where it stopped");
        (await saver.ListAsync(CheckpointQuery.ForThread("fresh")).ToListAsync()).Should().HaveCountGreaterThan(1, "recent checkpoints are kept");
    }
}
