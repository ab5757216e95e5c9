namespace Mirt.Delivery.Tests;

/// <content>Finding and claiming due pushes, guarding sends, abandoned rows.</content>
public abstract partial class DeliveryStoreConformance
{
    [Fact]
    public async Task FindDuePushesAsync_Rows_ListsOnlySubscribersWhoseFirstPendingRowIsDue()
    {
        await EnqueueAsync(Draft("due-b", "sub-b", At(1)));
        await EnqueueAsync(Draft("due-a", "sub-a", At(0)));
        await EnqueueAsync(Draft("later", "sub-later", At(100)));
        await EnqueueAsync(Draft("inline", "sub-inline", At(0), OutboxKind.Reply, inlineUntil: At(8)), Draft("after-inline", "sub-inline", At(0)));

        (await Store.FindDuePushesAsync(At(5), 10)).Should().Equal("sub-b", "sub-a");
        (await Store.FindDuePushesAsync(At(5), 1)).Should().Equal("sub-b");
        (await Store.FindDuePushesAsync(At(100), 10)).Should().Equal("sub-b", "sub-a", "sub-later", "sub-inline");
    }

    [Fact]
    public async Task FindDuePushesAsync_LivePushLease_ListsNothingUntilItRunsOut()
    {
        await EnqueueAsync(Draft("a", "sub-1", At(0)), Draft("b", "sub-1", At(0)));
        await Store.TryClaimPushesAsync("sub-1", OwnerA, At(1), Lease);

        (await Store.FindDuePushesAsync(At(2), 10)).Should().BeEmpty();
        (await Store.FindDuePushesAsync(At(1) + Lease, 10)).Should().Equal("sub-1");
    }

    [Fact]
    public async Task TryClaimPushesAsync_RowNotDue_StopsTheListThere()
    {
        var ids = await EnqueueAsync(
            Draft("a", "sub-1", At(0)),
            Draft("b", "sub-1", At(0)),
            Draft("retry-later", "sub-1", At(50)),
            Draft("d", "sub-1", At(0)));

        var claim = await Store.TryClaimPushesAsync("sub-1", OwnerA, At(10), Lease);

        claim!.SubscriberId.Should().Be("sub-1");
        claim.Due.Select(r => r.Id).Should().Equal(ids[0], ids[1]);
        claim.Abandoned.Should().BeEmpty();
    }

    [Fact]
    public async Task TryClaimPushesAsync_InlineWindowOpen_StopsTheListAtTheReply()
    {
        await AcceptAsync("sub-1", "привіт", At(0));
        var turn = await ClaimAsync("sub-1", At(2));
        await Store.CompleteTurnAsync(Completion(turn, outbox: [Reply(turn, 0, At(3), At(8))]), At(3));
        await EnqueueAsync(Draft("followup:sub-1:catalog", "sub-1", At(3), OutboxKind.FollowUp));

        (await Store.TryClaimPushesAsync("sub-1", OwnerA, At(5), Lease)).Should().BeNull();

        var claim = await Store.TryClaimPushesAsync("sub-1", OwnerA, At(8), Lease);
        claim!.Due.Select(r => r.Kind).Should().Equal(OutboxKind.Reply, OutboxKind.FollowUp);
        claim.Due[0].LastCustomerAt.Should().Be(At(0));
    }

    [Fact]
    public async Task TryClaimPushesAsync_NothingDue_ReturnsNullAndKeepsNoLease()
    {
        await EnqueueAsync(Draft("later", "sub-1", At(100)));

        (await Store.TryClaimPushesAsync("sub-1", OwnerA, At(1), Lease)).Should().BeNull();
        (await Store.TryClaimPushesAsync("nobody", OwnerA, At(1), Lease)).Should().BeNull();

        (await Store.TryClaimPushesAsync("sub-1", OwnerB, At(100), Lease)).Should().NotBeNull();
    }

    [Fact]
    public async Task TryClaimPushesAsync_LiveLease_ReturnsNullForEveryone()
    {
        await EnqueueAsync(Draft("a", "sub-1", At(0)));
        await Store.TryClaimPushesAsync("sub-1", OwnerA, At(1), Lease);

        (await Store.TryClaimPushesAsync("sub-1", OwnerB, At(2), Lease)).Should().BeNull();
        (await Store.TryClaimPushesAsync("sub-1", OwnerA, At(2), Lease)).Should().BeNull();
    }

    [Fact]
    public async Task TryClaimPushesAsync_RowLeftSendingUnderExpiredLease_ReturnsItAbandonedAsUncertain()
    {
        var ids = await EnqueueAsync(Draft("a", "sub-1", At(0)), Draft("b", "sub-1", At(0)));
        await Store.TryClaimPushesAsync("sub-1", OwnerA, At(1), Lease);
        (await Store.MarkSendingAsync(ids[0], OwnerA, At(1))).Should().BeTrue();

        (await Store.FindDuePushesAsync(At(1) + Lease, 10)).Should().Equal("sub-1");
        var claim = await Store.TryClaimPushesAsync("sub-1", OwnerB, At(1) + Lease, Lease);

        claim!.Abandoned.Select(r => (r.Id, r.State)).Should().Equal((ids[0], OutboxState.Uncertain));
        claim.Due.Select(r => r.Id).Should().Equal(ids[1]);
        (await RowAsync("sub-1", ids[0])).State.Should().Be(OutboxState.Uncertain);
        await Store.RecordPushAsync(ids[0], PushResult.Sent, null, At(40));
        (await RowAsync("sub-1", ids[0])).State.Should().Be(OutboxState.Uncertain, "final states never change");
    }

    [Fact]
    public async Task TryClaimPushesAsync_OnlyAbandonedRows_ReturnsAClaimWithNothingDue()
    {
        var ids = await EnqueueAsync(Draft("a", "sub-1", At(0)));
        await Store.TryClaimPushesAsync("sub-1", OwnerA, At(1), Lease);
        await Store.MarkSendingAsync(ids[0], OwnerA, At(1));
        await Store.ReleasePushLeaseAsync("sub-1", OwnerA);

        var claim = await Store.TryClaimPushesAsync("sub-1", OwnerB, At(2), Lease);

        claim!.Due.Should().BeEmpty();
        claim.Abandoned.Select(r => r.Id).Should().Equal(ids[0]);
        (await Store.GetBacklogAsync(At(3))).UncertainPushes.Should().Be(1);
    }

    [Fact]
    public async Task MarkSendingAsync_LeaseRules_OnlyTheLiveHolderMayMarkAPendingRowOnce()
    {
        var ids = await EnqueueAsync(Draft("a", "sub-1", At(0)), Draft("b", "sub-1", At(0)));

        (await Store.MarkSendingAsync(ids[0], OwnerA, At(1))).Should().BeFalse("no lease yet");
        await Store.TryClaimPushesAsync("sub-1", OwnerA, At(1), Lease);
        (await Store.MarkSendingAsync(ids[0], OwnerB, At(2))).Should().BeFalse("another owner holds the lease");
        (await Store.MarkSendingAsync(ids[0], OwnerA, At(2))).Should().BeTrue();
        (await Store.MarkSendingAsync(ids[0], OwnerA, At(2))).Should().BeFalse("the row is no longer pending");
        (await Store.MarkSendingAsync(ids[1], OwnerA, At(1) + Lease)).Should().BeFalse("the lease ran out");
        (await Store.MarkSendingAsync(999_999, OwnerA, At(2))).Should().BeFalse();

        var row = await RowAsync("sub-1", ids[0]);
        (row.State, row.Attempts).Should().Be((OutboxState.Sending, 1));
    }

    [Fact]
    public async Task ReleasePushLeaseAsync_Holder_LetsAnotherOwnerClaimAtOnce()
    {
        await EnqueueAsync(Draft("a", "sub-1", At(0)));
        await Store.TryClaimPushesAsync("sub-1", OwnerA, At(1), Lease);

        await Store.ReleasePushLeaseAsync("sub-1", OwnerB);
        (await Store.TryClaimPushesAsync("sub-1", OwnerB, At(2), Lease)).Should().BeNull();
        await Store.ReleasePushLeaseAsync("sub-1", OwnerA);

        (await Store.TryClaimPushesAsync("sub-1", OwnerB, At(2), Lease)).Should().NotBeNull();
    }
}
