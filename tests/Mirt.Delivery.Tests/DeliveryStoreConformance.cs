namespace Mirt.Delivery.Tests;

/// <summary>
/// The cases every <see cref="IDeliveryStore"/> passes, against a real database. A derived class supplies a fresh,
/// empty database per test and opens store instances on it; two instances are two pools (two processes' view).
/// Times are explicit <see cref="DateTimeOffset"/> values from <see cref="T0"/>; nothing sleeps.
/// </summary>
public abstract partial class DeliveryStoreConformance : IAsyncLifetime
{
    protected const string OwnerA = "replica-a";
    protected const string OwnerB = "replica-b";

    protected static readonly DateTimeOffset T0 = new(2025, 3, 1, 10, 0, 0, TimeSpan.Zero);
    protected static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(1500);
    protected static readonly TimeSpan Lease = TimeSpan.FromSeconds(30);
    protected static readonly TimeSpan Window = TimeSpan.FromSeconds(60);

    private readonly List<IDeliveryStore> _opened = [];

    /// <summary>Gets the first store instance opened for the test.</summary>
    protected IDeliveryStore Store { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await CreateDatabaseAsync();
        Store = await OpenAsync();
    }

    public async Task DisposeAsync()
    {
        foreach (var store in _opened)
        {
            await store.DisposeAsync();
        }

        await DropDatabaseAsync();
    }

    /// <summary>Creates the empty database (a temp file, a fresh schema) the test's stores open.</summary>
    protected abstract Task CreateDatabaseAsync();

    /// <summary>Opens another store instance on the test's database (its own connections).</summary>
    protected abstract Task<IDeliveryStore> OpenStoreAsync();

    /// <summary>Removes the test's database.</summary>
    protected abstract Task DropDatabaseAsync();

    /// <summary>Opens a store instance that is disposed after the test.</summary>
    protected async Task<IDeliveryStore> OpenAsync()
    {
        var store = await OpenStoreAsync();
        _opened.Add(store);
        return store;
    }

    protected static DateTimeOffset At(double seconds) => T0.AddMilliseconds(seconds * 1000);

    protected static InboundMessage Message(string subscriber, string text, string? image = null) =>
        new(subscriber, text, image, "Olena", ContentHashes.Of(text, image));

    /// <summary>Accepts a message that must be stored as pending.</summary>
    protected async Task<long> AcceptAsync(string subscriber, string text, DateTimeOffset at, string? image = null, IDeliveryStore? store = null)
    {
        var result = await (store ?? Store).AcceptAsync(Message(subscriber, text, image), at, Window);
        result.Outcome.Should().Be(AcceptOutcome.Accepted);
        return result.MessageId;
    }

    /// <summary>Claims a turn that must be claimable.</summary>
    protected async Task<TurnClaim> ClaimAsync(string subscriber, DateTimeOffset now, string owner = OwnerA)
    {
        var claim = await Store.TryClaimTurnAsync(subscriber, owner, now, Quiet, Lease);
        claim.Should().NotBeNull();
        return claim!;
    }

    /// <summary>Accepts one message, claims its turn after the quiet window and completes it in a state.</summary>
    protected async Task<TurnClaim> RunTurnAsync(string subscriber, string text, DateTimeOffset at, string state, string? handoff = null, params OutboxDraft[] outbox)
    {
        await AcceptAsync(subscriber, text, at);
        var claim = await ClaimAsync(subscriber, at + Quiet);
        (await Store.CompleteTurnAsync(Completion(claim, state: state, handoff: handoff, outbox: outbox), at + Quiet)).Should().BeTrue();
        return claim;
    }

    protected static TurnCompletion Completion(TurnClaim claim, string owner = OwnerA, string state = "browsing", string? handoff = null, params OutboxDraft[] outbox) =>
        new(claim.TurnId, claim.SubscriberId, owner, state, "question", handoff, outbox);

    protected static OutboxDraft Reply(TurnClaim claim, int sequence, DateTimeOffset notBefore, DateTimeOffset? inlineUntil = null, string text = "hello") =>
        new($"{claim.TurnId}:reply:{sequence}", claim.SubscriberId, claim.TurnId, OutboxKind.Reply, sequence, Content(text), notBefore, inlineUntil);

    protected static OutboxDraft Draft(string key, string subscriber, DateTimeOffset notBefore, string kind = OutboxKind.Interim, DateTimeOffset? inlineUntil = null) =>
        new(key, subscriber, null, kind, 0, Content(key), notBefore, inlineUntil);

    protected static string Content(string text) => $$"""{"messages":[{"type":"text","text":"{{text}}"}]}""";

    /// <summary>Enqueues rows that must be new, returning their ids in order.</summary>
    protected async Task<long[]> EnqueueAsync(params OutboxDraft[] drafts)
    {
        foreach (var draft in drafts)
        {
            (await Store.EnqueueAsync(draft, T0)).Should().BeTrue();
        }

        var rows = await Store.ListOutboxAsync(drafts[0].SubscriberId);
        return drafts.Select(d => rows.Single(r => r.IdempotencyKey == d.IdempotencyKey).Id).ToArray();
    }

    protected async Task<OutboxItem> RowAsync(string subscriber, long id) => (await Store.ListOutboxAsync(subscriber)).Single(r => r.Id == id);
}
