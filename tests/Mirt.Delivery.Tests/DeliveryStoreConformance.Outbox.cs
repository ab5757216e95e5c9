namespace Mirt.Delivery.Tests;

/// <content>Enqueueing, inline answers, push results and listings.</content>
public abstract partial class DeliveryStoreConformance
{
    [Fact]
    public async Task EnqueueAsync_ExistingKey_ReturnsFalseAndKeepsTheRow()
    {
        (await Store.EnqueueAsync(Draft("followup:sub-1:catalog", "sub-1", At(0), OutboxKind.FollowUp), At(0))).Should().BeTrue();

        (await Store.EnqueueAsync(Draft("followup:sub-1:catalog", "sub-1", At(5), OutboxKind.Interim), At(5))).Should().BeFalse();

        var row = (await Store.ListOutboxAsync("sub-1")).Should().ContainSingle().Subject;
        row.Kind.Should().Be(OutboxKind.FollowUp);
        row.CreatedAt.Should().Be(At(0));
        row.LastCustomerAt.Should().BeNull("the store has no message of this subscriber");
    }

    [Fact]
    public async Task ListOutboxAsync_SeveralRows_OldestFirstOfThatSubscriberOnly()
    {
        await EnqueueAsync(Draft("a", "sub-1", At(0)), Draft("b", "sub-1", At(0)));
        await EnqueueAsync(Draft("x", "sub-2", At(0)));
        await EnqueueAsync(Draft("c", "sub-1", At(0)));

        (await Store.ListOutboxAsync("sub-1")).Select(r => r.IdempotencyKey).Should().Equal("a", "b", "c");
        (await Store.ListOutboxAsync("nobody")).Should().BeEmpty();
    }

    [Fact]
    public async Task TryClaimInlineAsync_BeforeDeadline_ClaimsTheRepliesOnce()
    {
        await AcceptAsync("sub-1", "привіт", At(0));
        var claim = await ClaimAsync("sub-1", At(2));
        await Store.EnqueueAsync(Draft("interim", "sub-1", At(2.5)), At(2.5));
        await Store.CompleteTurnAsync(Completion(claim, outbox: [Reply(claim, 1, At(3), At(8), "two"), Reply(claim, 0, At(3), At(8), "one")]), At(3));

        var inline = await Store.TryClaimInlineAsync(claim.TurnId, At(7.999));

        inline.Select(r => (r.Sequence, r.State)).Should().Equal((0, OutboxState.Inline), (1, OutboxState.Inline));
        inline[0].ContentJson.Should().Be(Content("one"));
        (await Store.TryClaimInlineAsync(claim.TurnId, At(7.999))).Should().BeEmpty();
        (await Store.ListOutboxAsync("sub-1")).Select(r => r.State).Should().Equal(OutboxState.Pending, OutboxState.Inline, OutboxState.Inline);
        var push = await Store.TryClaimPushesAsync("sub-1", OwnerA, At(60), Lease);
        push!.Due.Select(r => r.IdempotencyKey).Should().Equal("interim");
    }

    [Fact]
    public async Task TryClaimInlineAsync_DeadlinePassed_ReturnsEmptyAndThePushGetsTheRows()
    {
        await AcceptAsync("sub-1", "привіт", At(0));
        var claim = await ClaimAsync("sub-1", At(2));
        await Store.CompleteTurnAsync(Completion(claim, outbox: [Reply(claim, 0, At(3), At(8))]), At(3));

        (await Store.TryClaimInlineAsync(claim.TurnId, At(8))).Should().BeEmpty();

        (await Store.TryClaimPushesAsync("sub-1", OwnerA, At(8), Lease))!.Due.Should().ContainSingle();
    }

    [Fact]
    public async Task TryClaimInlineAsync_NoReplyRows_ReturnsEmpty()
    {
        await AcceptAsync("sub-1", "привіт", At(0));
        var claim = await ClaimAsync("sub-1", At(2));

        (await Store.TryClaimInlineAsync(claim.TurnId, At(3))).Should().BeEmpty();
        (await Store.TryClaimInlineAsync("nobody:1", At(3))).Should().BeEmpty();
    }

    [Fact]
    public async Task TryClaimInlineAsync_PushStartedOnOneRow_ReturnsEmpty()
    {
        await AcceptAsync("sub-1", "привіт", At(0));
        var claim = await ClaimAsync("sub-1", At(2));
        await Store.CompleteTurnAsync(Completion(claim, outbox: [Reply(claim, 0, At(3), At(8)), Reply(claim, 1, At(3), At(8))]), At(3));
        var push = await Store.TryClaimPushesAsync("sub-1", OwnerA, At(9), Lease);
        (await Store.MarkSendingAsync(push!.Due[0].Id, OwnerA, At(9))).Should().BeTrue();

        // A webhook whose clock lags (or that arrives late) must not answer the rest of a reply already being pushed.
        (await Store.TryClaimInlineAsync(claim.TurnId, At(7))).Should().BeEmpty();

        (await Store.MarkSendingAsync(push.Due[1].Id, OwnerA, At(9))).Should().BeTrue();
    }

    [Fact]
    public async Task RecordPushAsync_EachResult_SetsTheMatchingState()
    {
        var ids = await EnqueueAsync(Draft("a", "sub-1", At(0)), Draft("b", "sub-1", At(0)), Draft("c", "sub-1", At(0)));
        await Store.TryClaimPushesAsync("sub-1", OwnerA, At(1), Lease);
        foreach (var id in ids)
        {
            (await Store.MarkSendingAsync(id, OwnerA, At(1))).Should().BeTrue();
        }

        await Store.RecordPushAsync(ids[0], PushResult.Sent, null, At(2));
        await Store.RecordPushAsync(ids[1], PushResult.Failed, "3011 outside the 24 h window", At(2));
        await Store.RecordPushAsync(ids[2], PushResult.Uncertain, "timeout after sending", At(2));

        (await Store.ListOutboxAsync("sub-1")).Select(r => (r.State, r.Attempts)).Should().Equal(
            (OutboxState.Sent, 1), (OutboxState.Failed, 1), (OutboxState.Uncertain, 1));
        var backlog = await Store.GetBacklogAsync(At(3));
        (backlog.FailedPushes, backlog.UncertainPushes, backlog.PendingPushes).Should().Be((1L, 1L, 0L));
    }

    [Fact]
    public async Task RecordPushAsync_Retry_MakesTheRowPendingAgainFromRetryAt()
    {
        var ids = await EnqueueAsync(Draft("a", "sub-1", At(0)));
        await Store.TryClaimPushesAsync("sub-1", OwnerA, At(1), Lease);
        await Store.MarkSendingAsync(ids[0], OwnerA, At(1));

        await Store.RecordPushAsync(ids[0], PushResult.Retry, "connection refused", At(2), retryAt: At(10));
        await Store.ReleasePushLeaseAsync("sub-1", OwnerA);

        (await RowAsync("sub-1", ids[0])).State.Should().Be(OutboxState.Pending);
        (await Store.FindDuePushesAsync(At(9.999), 10)).Should().BeEmpty();
        (await Store.TryClaimPushesAsync("sub-1", OwnerA, At(9.999), Lease)).Should().BeNull();
        var again = await Store.TryClaimPushesAsync("sub-1", OwnerA, At(10), Lease);
        again!.Due.Select(r => r.Id).Should().Equal(ids[0]);
        (await Store.MarkSendingAsync(ids[0], OwnerA, At(10))).Should().BeTrue();
        (await RowAsync("sub-1", ids[0])).Attempts.Should().Be(2);
    }

    [Fact]
    public async Task RecordPushAsync_RowNotSending_ChangesNothing()
    {
        var ids = await EnqueueAsync(Draft("a", "sub-1", At(0)));

        await Store.RecordPushAsync(ids[0], PushResult.Sent, null, At(1));

        (await RowAsync("sub-1", ids[0])).State.Should().Be(OutboxState.Pending);
    }
}
