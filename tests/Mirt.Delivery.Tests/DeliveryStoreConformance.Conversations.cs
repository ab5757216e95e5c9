namespace Mirt.Delivery.Tests;

/// <content>Follow-up candidates, backlog, retention, reachability.</content>
public abstract partial class DeliveryStoreConformance
{
    [Fact]
    public async Task FindFollowUpCandidatesAsync_Conversations_ListsOnlySilentOnesInsideTheWindow()
    {
        await RunTurnAsync("eligible-late", "x", At(20), "catalog");
        await RunTurnAsync("eligible-early", "x", At(10), "sizing");
        await RunTurnAsync("other-state", "x", At(10), "greeting");
        await RunTurnAsync("handed-off", "x", At(10), "catalog", handoff: "asked for a human");
        await RunTurnAsync("nudged", "x", At(10), "catalog");
        await EnqueueAsync(Draft("followup:nudged:catalog", "nudged", At(50), OutboxKind.FollowUp));
        await RunTurnAsync("nudged-other-state", "x", At(10), "sizing");
        await EnqueueAsync(Draft("followup:nudged-other-state:catalog", "nudged-other-state", At(50), OutboxKind.FollowUp));
        await RunTurnAsync("pending", "x", At(10), "catalog");
        await AcceptAsync("pending", "y", At(30));
        await RunTurnAsync("processing", "x", At(10), "catalog");
        await AcceptAsync("processing", "y", At(30));
        await ClaimAsync("processing", At(35));
        await RunTurnAsync("too-recent", "x", At(101), "catalog");
        await RunTurnAsync("window-closed", "x", At(0), "catalog");

        var candidates = await Store.FindFollowUpCandidatesAsync(["catalog", "sizing"], silentSince: At(100), windowStart: At(0), limit: 10);

        candidates.Should().Equal(
            new FollowUpCandidate("eligible-early", "sizing", At(10)),
            new FollowUpCandidate("nudged-other-state", "sizing", At(10)),
            new FollowUpCandidate("eligible-late", "catalog", At(20)));
        (await Store.FindFollowUpCandidatesAsync(["catalog", "sizing"], At(100), At(0), 1)).Select(c => c.SubscriberId).Should().Equal("eligible-early");
        (await Store.FindFollowUpCandidatesAsync([], At(100), At(0), 10)).Should().BeEmpty();
    }

    [Fact]
    public async Task GetBacklogAsync_Work_CountsAndAgesIt()
    {
        (await Store.GetBacklogAsync(At(0))).Should().Be(new DeliveryBacklog(0, 0, 0, 0, 0, 0, 0));
        await AcceptAsync("sub-1", "a", At(0));
        await AcceptAsync("sub-1", "b", At(1));
        await ClaimAsync("sub-1", At(3));
        await AcceptAsync("sub-2", "c", At(4));
        await RunTurnAsync("sub-3", "d", At(2), "catalog", handoff: "asked for a human");
        var ids = await EnqueueAsync(Draft("p1", "sub-4", At(0)), Draft("p2", "sub-4", At(0)));
        await Store.TryClaimPushesAsync("sub-4", OwnerA, At(5), Lease);
        await Store.MarkSendingAsync(ids[0], OwnerA, At(5));

        var backlog = await Store.GetBacklogAsync(At(10));

        backlog.Should().Be(new DeliveryBacklog(
            PendingMessages: 3,
            OldestPendingMessageAgeMs: 10_000,
            PendingPushes: 2,
            OldestPendingPushAgeMs: 10_000,
            UncertainPushes: 0,
            FailedPushes: 0,
            HandedOff: 1));
    }

    [Fact]
    public async Task PruneAsync_OldFinishedWork_DeletesItAndKeepsFollowUpsAndOpenWork()
    {
        var old = await RunTurnAsync("sub-1", "old", At(0), "catalog", null, Draft("old-reply", "sub-1", At(2)));
        var oldIds = await Store.ListOutboxAsync("sub-1");
        await Store.TryClaimPushesAsync("sub-1", OwnerA, At(3), Lease);
        await Store.MarkSendingAsync(oldIds[0].Id, OwnerA, At(3));
        await Store.RecordPushAsync(oldIds[0].Id, PushResult.Sent, null, At(3));
        await Store.ReleasePushLeaseAsync("sub-1", OwnerA);
        await EnqueueAsync(Draft("followup:sub-1:catalog", "sub-1", At(4), OutboxKind.FollowUp));
        await EnqueueAsync(Draft("still-pending", "sub-1", At(4)));
        var pendingOld = await AcceptAsync("sub-2", "never claimed", At(0));
        var recent = await RunTurnAsync("sub-3", "recent", At(200), "catalog");

        var deleted = await Store.PruneAsync(At(100));

        deleted.Should().Be(3, "one done message, its finished turn and its sent reply");
        (await Store.GetMessageAsync(old.LastMessageId)).Should().BeNull();
        (await Store.GetMessageAsync(pendingOld)).Should().NotBeNull();
        (await Store.GetMessageAsync(recent.LastMessageId))!.TurnCompleted.Should().BeTrue();
        (await Store.ListOutboxAsync("sub-1")).Select(r => r.IdempotencyKey).Should().Equal("followup:sub-1:catalog", "still-pending");
        (await Store.PruneAsync(At(100))).Should().Be(0);
    }

    [Fact]
    public async Task PruneAsync_NewestMessagePruned_NextMessageStillGetsAHigherId()
    {
        await RunTurnAsync("sub-1", "old", At(0), "catalog");
        var newest = (await RunTurnAsync("sub-1", "newer", At(10), "catalog")).LastMessageId;
        await Store.PruneAsync(At(100));

        var next = await AcceptAsync("sub-1", "y", At(101));

        next.Should().BeGreaterThan(newest, "a reused id would reuse a turn id and its outbox keys");
    }

    [Fact]
    public async Task IsReachableAsync_OpenStore_ReturnsTrue() =>
        (await Store.IsReachableAsync()).Should().BeTrue();

    [Fact]
    public async Task AnyCall_DisposedStore_ThrowsObjectDisposed()
    {
        var store = await OpenAsync();
        await store.DisposeAsync();
        await store.DisposeAsync();

        var act = () => store.GetBacklogAsync(At(0));

        await act.Should().ThrowAsync<ObjectDisposedException>();
    }

    [Fact]
    public async Task Reopen_ExistingDatabase_KeepsEverything()
    {
        var id = await AcceptAsync("sub-1", "привіт", At(0));
        await Store.DisposeAsync();

        var reopened = await OpenAsync();

        (await reopened.GetMessageAsync(id))!.Text.Should().Be("привіт");
    }
}
