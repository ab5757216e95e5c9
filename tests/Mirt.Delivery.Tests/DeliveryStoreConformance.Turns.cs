namespace Mirt.Delivery.Tests;

/// <content>Finding and claiming turns, leases.</content>
public abstract partial class DeliveryStoreConformance
{
    [Fact]
    public async Task FindClaimableTurnsAsync_InsideQuietWindow_ListsNothingUntilItPasses()
    {
        await AcceptAsync("sub-1", "привіт", At(0));
        await AcceptAsync("sub-1", "є сукні?", At(1));

        (await Store.FindClaimableTurnsAsync(At(2.499), Quiet, 10)).Should().BeEmpty();
        (await Store.TryClaimTurnAsync("sub-1", OwnerA, At(2.499), Quiet, Lease)).Should().BeNull();
        (await Store.FindClaimableTurnsAsync(At(2.5), Quiet, 10)).Should().Equal("sub-1");
    }

    [Fact]
    public async Task FindClaimableTurnsAsync_SeveralSubscribers_OldestPendingFirstUpToLimit()
    {
        await AcceptAsync("sub-b", "b", At(1));
        await AcceptAsync("sub-a", "a", At(2));
        await AcceptAsync("sub-c", "c", At(0));

        (await Store.FindClaimableTurnsAsync(At(10), Quiet, 10)).Should().Equal("sub-c", "sub-b", "sub-a");
        (await Store.FindClaimableTurnsAsync(At(10), Quiet, 2)).Should().Equal("sub-c", "sub-b");
    }

    [Fact]
    public async Task FindClaimableTurnsAsync_LiveLease_ListsNothingAndExpiredLeaseListsTheTurn()
    {
        await AcceptAsync("sub-1", "привіт", At(0));
        await ClaimAsync("sub-1", At(2));

        (await Store.FindClaimableTurnsAsync(At(10), Quiet, 10)).Should().BeEmpty();
        (await Store.FindClaimableTurnsAsync(At(2) + Lease, Quiet, 10)).Should().Equal("sub-1");
    }

    [Fact]
    public async Task TryClaimTurnAsync_Burst_MergesMessagesIntoOneTurnInOrder()
    {
        var ids = new[]
        {
            await AcceptAsync("sub-1", "Привіт", At(0)),
            await AcceptAsync("sub-1", "є сукні?", At(0.5)),
            await AcceptAsync("sub-1", "на 5 років", At(1)),
        };

        var claim = await ClaimAsync("sub-1", At(2.5));

        claim.TurnId.Should().Be($"sub-1:{ids[0]}");
        claim.Resumed.Should().BeFalse();
        claim.LastMessageId.Should().Be(ids[2]);
        claim.LastAcceptedAt.Should().Be(At(1));
        claim.Messages.Select(m => m.Id).Should().Equal(ids);
        claim.Messages.Should().AllSatisfy(m =>
        {
            m.Status.Should().Be(InboxStatus.Processing);
            m.TurnId.Should().Be(claim.TurnId);
            m.TurnLastMessageId.Should().Be(ids[2]);
            m.TurnCompleted.Should().BeFalse();
        });
        (await Store.GetMessageAsync(ids[0]))!.Status.Should().Be(InboxStatus.Processing);
    }

    [Fact]
    public async Task TryClaimTurnAsync_SecondPhoto_StopsBeforeItAndLeavesTheRestForTheNextTurn()
    {
        var first = await AcceptAsync("sub-1", "ось", At(0));
        var photo1 = await AcceptAsync("sub-1", string.Empty, At(0.2), image: "https://cdn.example/1.jpg");
        var text = await AcceptAsync("sub-1", "така є?", At(0.4));
        var photo2 = await AcceptAsync("sub-1", string.Empty, At(0.6), image: "https://cdn.example/2.jpg");
        var last = await AcceptAsync("sub-1", "і така", At(0.8));

        var claim = await ClaimAsync("sub-1", At(3));
        claim.Messages.Select(m => m.Id).Should().Equal(first, photo1, text);
        (await Store.GetMessageAsync(photo2))!.Status.Should().Be(InboxStatus.Pending);
        (await Store.CompleteTurnAsync(Completion(claim), At(4))).Should().BeTrue();

        var next = await ClaimAsync("sub-1", At(4));
        next.TurnId.Should().Be($"sub-1:{photo2}");
        next.Messages.Select(m => m.Id).Should().Equal(photo2, last);
    }

    [Fact]
    public async Task TryClaimTurnAsync_NothingPending_ReturnsNull()
    {
        (await Store.TryClaimTurnAsync("nobody", OwnerA, At(0), Quiet, Lease)).Should().BeNull();
        await RunTurnAsync("sub-1", "привіт", At(0), "greeting");

        (await Store.TryClaimTurnAsync("sub-1", OwnerA, At(10), Quiet, Lease)).Should().BeNull();
    }

    [Fact]
    public async Task TryClaimTurnAsync_TooRecent_ReturnsNullAndKeepsNoLease()
    {
        await AcceptAsync("sub-1", "привіт", At(0));

        (await Store.TryClaimTurnAsync("sub-1", OwnerA, At(1), Quiet, Lease)).Should().BeNull();

        (await Store.TryClaimTurnAsync("sub-1", OwnerB, At(1.5), Quiet, Lease)).Should().NotBeNull();
    }

    [Fact]
    public async Task TryClaimTurnAsync_LiveLease_ReturnsNullForAnotherOwnerAndForTheHolder()
    {
        await AcceptAsync("sub-1", "привіт", At(0));
        await ClaimAsync("sub-1", At(2));
        await AcceptAsync("sub-1", "алло?", At(3));

        (await Store.TryClaimTurnAsync("sub-1", OwnerB, At(10), Quiet, Lease)).Should().BeNull();
        (await Store.TryClaimTurnAsync("sub-1", OwnerA, At(10), Quiet, Lease)).Should().BeNull();
    }

    [Fact]
    public async Task TryClaimTurnAsync_LeaseExpired_ResumesTheSameTurn()
    {
        await AcceptAsync("sub-1", "привіт", At(0));
        await AcceptAsync("sub-1", "є сукні?", At(1));
        var first = await ClaimAsync("sub-1", At(3));
        await AcceptAsync("sub-1", "алло?", At(5));

        (await Store.TryClaimTurnAsync("sub-1", OwnerB, At(3) + Lease - TimeSpan.FromMilliseconds(1), Quiet, Lease)).Should().BeNull();
        var resumed = await ClaimAsync("sub-1", At(3) + Lease, OwnerB);

        resumed.Resumed.Should().BeTrue();
        resumed.TurnId.Should().Be(first.TurnId);
        resumed.Messages.Select(m => m.Id).Should().Equal(first.Messages.Select(m => m.Id));
    }

    [Fact]
    public async Task TryClaimTurnAsync_MessageDuringTurn_WaitsForTheNextTurn()
    {
        await AcceptAsync("sub-1", "привіт", At(0));
        var claim = await ClaimAsync("sub-1", At(2));
        var during = await AcceptAsync("sub-1", "є сукні?", At(3));

        (await Store.FindClaimableTurnsAsync(At(10), Quiet, 10)).Should().BeEmpty();
        await Store.CompleteTurnAsync(Completion(claim), At(11));

        (await Store.FindClaimableTurnsAsync(At(11), Quiet, 10)).Should().Equal("sub-1");
        var next = await ClaimAsync("sub-1", At(11), OwnerB);
        next.Resumed.Should().BeFalse();
        next.Messages.Select(m => m.Id).Should().Equal(during);
    }

    [Fact]
    public async Task RenewTurnLeaseAsync_Holder_ExtendsTheLease()
    {
        await AcceptAsync("sub-1", "привіт", At(0));
        await ClaimAsync("sub-1", At(2));

        (await Store.RenewTurnLeaseAsync("sub-1", OwnerA, At(20), Lease)).Should().BeTrue();

        (await Store.TryClaimTurnAsync("sub-1", OwnerB, At(2) + Lease, Quiet, Lease)).Should().BeNull();
        (await Store.TryClaimTurnAsync("sub-1", OwnerB, At(20) + Lease, Quiet, Lease)).Should().NotBeNull();
    }

    [Fact]
    public async Task RenewTurnLeaseAsync_TakenOver_ReturnsFalse()
    {
        await AcceptAsync("sub-1", "привіт", At(0));
        await ClaimAsync("sub-1", At(2));
        await ClaimAsync("sub-1", At(2) + Lease, OwnerB);

        (await Store.RenewTurnLeaseAsync("sub-1", OwnerA, At(40), Lease)).Should().BeFalse();
        (await Store.RenewTurnLeaseAsync("sub-1", OwnerB, At(40), Lease)).Should().BeTrue();
    }

    [Fact]
    public async Task RenewTurnLeaseAsync_ExpiredButNotTakenOver_ReturnsTrue()
    {
        await AcceptAsync("sub-1", "привіт", At(0));
        await ClaimAsync("sub-1", At(2));

        (await Store.RenewTurnLeaseAsync("sub-1", OwnerA, At(100), Lease)).Should().BeTrue();
        (await Store.TryClaimTurnAsync("sub-1", OwnerB, At(101), Quiet, Lease)).Should().BeNull();
    }

    [Fact]
    public async Task ReleaseTurnLeaseAsync_Holder_LetsAnotherOwnerResumeAtOnce()
    {
        await AcceptAsync("sub-1", "привіт", At(0));
        var claim = await ClaimAsync("sub-1", At(2));

        await Store.ReleaseTurnLeaseAsync("sub-1", OwnerB);
        (await Store.TryClaimTurnAsync("sub-1", OwnerB, At(3), Quiet, Lease)).Should().BeNull();
        await Store.ReleaseTurnLeaseAsync("sub-1", OwnerA);

        (await Store.FindClaimableTurnsAsync(At(3), Quiet, 10)).Should().Equal("sub-1");
        var resumed = await ClaimAsync("sub-1", At(3), OwnerB);
        resumed.Resumed.Should().BeTrue();
        resumed.TurnId.Should().Be(claim.TurnId);
    }
}
