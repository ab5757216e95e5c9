using Microsoft.Extensions.Logging.Abstractions;
using Mirt.Delivery;
using Mirt.Graph.Checkpoints;
using Mirt.Host.Delivery;
using Mirt.Sales.Assistant;
using Mirt.Testing;

namespace Mirt.Host.Tests.Delivery;

/// <summary>A message that breaks every turn is tried again after a pause, then gets the apology and a manager,
/// instead of spinning or being dropped (issue 5: never lose a message).</summary>
public sealed class TurnFailureDeliveryTests : IAsyncLifetime
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), $"mirt-turn-failure-{Environment.ProcessId}-{Guid.NewGuid():N}");
    private readonly ManualTimeProvider _clock = new(new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.Zero));
    private IDeliveryStore _store = null!;
    private SalesAssistant _assistant = null!;
    private TurnDispatcher _turns = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_dir);
        _store = await DeliveryStores.OpenSqliteAsync(Path.Combine(_dir, "delivery.db"));
        _assistant = await SalesAssistant.CreateAsync(new SalesAssistantOptions { Saver = new BrokenSaver(new InMemoryCheckpointSaver()), PromptsDirectory = RepoPaths.Prompts });
        var settings = new DeliverySettings { Debounce = TimeSpan.Zero, TurnAttempts = 2, Mode = ReplyMode.Response };
        var runtime = new DeliveryRuntime(_store, _assistant, settings, client: null, _clock);
        _turns = new TurnDispatcher(runtime, new TurnRunner(runtime, new EscalationMarker(runtime, NullLogger.Instance), NullLogger.Instance), NullLogger.Instance);
    }

    public async Task DisposeAsync()
    {
        _turns.Dispose();
        await _assistant.DisposeAsync();
        await _store.DisposeAsync();
        Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public async Task TurnFailingEveryAttempt_PausesBetweenAttempts_ThenAnswersTheApology_AndHandsOff()
    {
        await _store.AcceptAsync(new InboundMessage("broken-1", "Шукаю сукню", null, null, ContentHashes.Of("Шукаю сукню", null)), _clock.GetUtcNow(), TimeSpan.Zero);

        (await _turns.TryStartAsync("broken-1", waitForSlot: true, CancellationToken.None)).Should().BeTrue();
        await _turns.DrainAsync(CancellationToken.None);
        (await _turns.TryStartAsync("broken-1", waitForSlot: true, CancellationToken.None)).Should().BeFalse("the failed turn keeps its lease for a pause instead of spinning");
        (await _store.ListOutboxAsync("broken-1")).Should().BeEmpty();

        _clock.Advance(TimeSpan.FromSeconds(3));
        (await _turns.TryStartAsync("broken-1", waitForSlot: true, CancellationToken.None)).Should().BeTrue("after the pause the turn is claimed again");
        await _turns.DrainAsync(CancellationToken.None);

        var rows = await _store.ListOutboxAsync("broken-1");
        rows.Should().ContainSingle().Which.ContentJson.Should().Contain("менеджеру", "the customer hears the apology from prompts/delivery/turn_failed.hbs");
        (await _store.GetHandoffAsync("broken-1")).Should().Be("TURN_FAILED");
        (await _store.GetBacklogAsync(_clock.GetUtcNow())).PendingMessages.Should().Be(0, "the message is answered, not left to fail forever");
    }

    // Every turn fails when it writes its steps, as a store that rejects this conversation's data would.
    private sealed class BrokenSaver(ICheckpointSaver inner) : DelegatingCheckpointSaver(inner)
    {
        public override Task<IReadOnlyList<CheckpointConfig>> PutManyAsync(IReadOnlyList<CheckpointPut> puts, CancellationToken cancellationToken = default) =>
            throw new InvalidOperationException("the store rejects this turn");
    }
}
