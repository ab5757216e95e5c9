using Microsoft.Extensions.Logging.Abstractions;
using Mirt.Delivery;
using Mirt.Host.Delivery;
using Mirt.Sales.Assistant;
using Mirt.Testing;

namespace Mirt.Host.Tests.Delivery;

/// <summary>Follow-ups respect Instagram's 24 h window with the safety margin, on a manual clock (issue 5: follow-ups).</summary>
public sealed class FollowUpSchedulerTests : IAsyncLifetime
{
    private const string Offer = "STATE_4_OFFER";
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 8, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Now = T0 + TimeSpan.FromHours(24);
    private readonly string _dir = Path.Combine(Path.GetTempPath(), $"mirt-followups-{Environment.ProcessId}-{Guid.NewGuid():N}");
    private readonly ManualTimeProvider _clock = new(T0);
    private IDeliveryStore _store = null!;
    private SalesAssistant _assistant = null!;
    private FollowUpScheduler _scheduler = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_dir);
        _store = await DeliveryStores.OpenSqliteAsync(Path.Combine(_dir, "delivery.db"));
        _assistant = await SalesAssistant.CreateAsync(new SalesAssistantOptions { DataDirectory = _dir, PromptsDirectory = RepoPaths.Prompts });
        var settings = new DeliverySettings { FollowUpStates = [Offer], FollowUpAfter = TimeSpan.FromHours(2), FollowUpMargin = TimeSpan.FromHours(1) };
        _scheduler = new FollowUpScheduler(new DeliveryRuntime(_store, _assistant, settings, client: null, _clock), NullLogger.Instance);
    }

    public async Task DisposeAsync()
    {
        await _assistant.DisposeAsync();
        await _store.DisposeAsync();
        Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public async Task QueueDueAsync_OnlySilentCustomersWhoseWindowHasMoreThanTheMarginLeft_OncePerState()
    {
        await LastWroteAsync("late", Now - TimeSpan.FromMinutes(23 * 60 + 30), Offer); // the window closes in 30 min
        await LastWroteAsync("edge", Now - TimeSpan.FromHours(23), Offer);             // exactly the 1 h margin left
        await LastWroteAsync("inside", Now - TimeSpan.FromMinutes(22 * 60 + 59), Offer);
        await LastWroteAsync("browsing", Now - TimeSpan.FromHours(3), "STATE_1_DISCOVERY");
        await LastWroteAsync("due", Now - TimeSpan.FromHours(3), Offer);
        await LastWroteAsync("fresh", Now - TimeSpan.FromMinutes(30), Offer);
        _clock.Advance(Now - _clock.GetUtcNow());

        var queued = await _scheduler.QueueDueAsync(CancellationToken.None);

        queued.Should().Be(2);
        (await FollowUpsOfAsync("inside")).Should().Equal([OfferText()]);
        (await FollowUpsOfAsync("due")).Should().Equal([OfferText()]);
        foreach (var subscriber in new[] { "late", "edge", "browsing", "fresh" })
        {
            (await FollowUpsOfAsync(subscriber)).Should().BeEmpty(subscriber);
        }

        (await _scheduler.QueueDueAsync(CancellationToken.None)).Should().Be(0, "one follow-up per state");

        _clock.Advance(TimeSpan.FromHours(2));
        (await _scheduler.QueueDueAsync(CancellationToken.None)).Should().Be(1, "the fresh customer has been silent for 2.5 h now");
        (await FollowUpsOfAsync("fresh")).Should().Equal([OfferText()]);
        var row = (await _store.ListOutboxAsync("fresh")).Single();
        row.IdempotencyKey.Should().Be($"followup:fresh:{Offer}");
        row.State.Should().Be(OutboxState.Pending);
    }

    [Fact]
    public async Task QueueDueAsync_WindowAlmostClosed_QueuesNothing()
    {
        await LastWroteAsync("late", Now - TimeSpan.FromHours(23) - TimeSpan.FromMilliseconds(1), Offer);
        _clock.Advance(Now - _clock.GetUtcNow());

        (await _scheduler.QueueDueAsync(CancellationToken.None)).Should().Be(0);
        _clock.Advance(TimeSpan.FromHours(2));
        (await _scheduler.QueueDueAsync(CancellationToken.None)).Should().Be(0, "past 24 h nothing may be sent at all");
        (await _store.ListOutboxAsync("late")).Should().BeEmpty();
    }

    private static string OfferText() => File.ReadAllText(Path.Combine(RepoPaths.Prompts, "delivery", "followup_offer.hbs")).Trim();

    // The customer writes at `at` and a turn leaves the conversation in `state` with nothing to send.
    private async Task LastWroteAsync(string subscriber, DateTimeOffset at, string state)
    {
        _clock.Advance(at - _clock.GetUtcNow());
        var message = new InboundMessage(subscriber, "привіт", null, null, ContentHashes.Of("привіт", null));
        (await _store.AcceptAsync(message, at, TimeSpan.Zero)).Outcome.Should().Be(AcceptOutcome.Accepted);
        var claim = await _store.TryClaimTurnAsync(subscriber, "test-owner", at, TimeSpan.Zero, TimeSpan.FromSeconds(30));
        (await _store.CompleteTurnAsync(new TurnCompletion(claim!.TurnId, subscriber, "test-owner", state, "x", null, []), at)).Should().BeTrue();
    }

    private async Task<IReadOnlyList<string>> FollowUpsOfAsync(string subscriber) =>
        [.. (await _store.ListOutboxAsync(subscriber)).Where(r => r.Kind == OutboxKind.FollowUp).SelectMany(r => OutboxContent.Read(r.ContentJson).Messages).Select(m => m.Text)];
}
