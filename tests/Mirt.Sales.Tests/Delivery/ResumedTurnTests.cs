using Mirt.Graph.Checkpoints;
using Mirt.Nodes.Abstractions.State;
using Mirt.Sales.Assistant;
using Mirt.Sales.Storage;

namespace Mirt.Sales.Tests.Delivery;

/// <summary>A delivery turn that runs again after a crash never puts the customer's message in the conversation twice.</summary>
public sealed class ResumedTurnTests
{
    [Fact]
    public async Task ResumedTurn_ThatFinishedBefore_ReturnsTheStoredReply_WithoutRunningAgain()
    {
        var saver = new InMemoryCheckpointSaver();
        await using var assistant = await SalesAssistant.CreateAsync(new SalesAssistantOptions { Saver = saver });
        var message = new IncomingMessage("resume-1", "Шукаю сукню", TurnId: "resume-1:1");
        var first = await assistant.HandleAsync(message);

        var again = await assistant.HandleAsync(message with { Resumed = true });

        again.Replies.Should().Equal(first.Replies);
        again.State.Should().Be(first.State);
        (await CustomerLinesAsync(assistant, "resume-1")).Should().Equal("Шукаю сукню");
    }

    [Fact]
    public async Task ResumedTurn_ThatCrashedAfterItsInput_FinishesTheStoredRun_AndStoresTheMessageOnce()
    {
        var saver = new InMemoryCheckpointSaver();
        await using (var crashing = await SalesAssistant.CreateAsync(new SalesAssistantOptions { Saver = new CrashAfterInputSaver(saver) }))
        {
            var crashed = () => crashing.HandleAsync(new IncomingMessage("resume-2", "Шукаю сукню", TurnId: "resume-2:1"));
            await crashed.Should().ThrowAsync<IOException>("the process dies after the input checkpoint");
        }

        await using var assistant = await SalesAssistant.CreateAsync(new SalesAssistantOptions { Saver = saver });
        var resumed = await assistant.HandleAsync(new IncomingMessage("resume-2", "Шукаю сукню", TurnId: "resume-2:1", Resumed: true));

        resumed.Replies.Should().NotBeEmpty();
        (await CustomerLinesAsync(assistant, "resume-2")).Should().Equal("Шукаю сукню");
    }

    [Fact]
    public async Task ResumedTurn_ThatNeverStarted_RunsAsANewTurn()
    {
        await using var assistant = await SalesAssistant.CreateAsync(new SalesAssistantOptions { Store = StoreKind.InMemory });
        await assistant.HandleAsync(new IncomingMessage("resume-3", "Привіт", TurnId: "resume-3:1"));

        var reply = await assistant.HandleAsync(new IncomingMessage("resume-3", "Шукаю сукню", TurnId: "resume-3:2", Resumed: true));

        reply.Replies.Should().NotBeEmpty();
        (await CustomerLinesAsync(assistant, "resume-3")).Should().Equal("Привіт", "Шукаю сукню");
    }

    private static async Task<IReadOnlyList<string>> CustomerLinesAsync(SalesAssistant assistant, string thread) =>
        [.. (await assistant.GetTranscriptAsync(thread)).Where(e => e.Role == TranscriptEntry.CustomerRole).Select(e => e.Text)];

    // Commits the turn's input checkpoint, then fails the node steps' batch as a killed process would.
    private sealed class CrashAfterInputSaver(ICheckpointSaver inner) : DelegatingCheckpointSaver(inner)
    {
        public override Task<IReadOnlyList<CheckpointConfig>> PutManyAsync(IReadOnlyList<CheckpointPut> puts, CancellationToken cancellationToken = default) =>
            throw new IOException("killed before the turn's steps were written");
    }
}
