namespace Mirt.Delivery.Tests;

/// <content>Completing turns, handoffs.</content>
public abstract partial class DeliveryStoreConformance
{
    [Fact]
    public async Task CompleteTurnAsync_Claimed_MarksDoneWritesOutboxAndReleasesTheLease()
    {
        await AcceptAsync("sub-1", "привіт", At(0));
        var claim = await ClaimAsync("sub-1", At(2));

        var completed = await Store.CompleteTurnAsync(
            Completion(claim, state: "catalog", outbox: [Reply(claim, 0, At(3), At(8), "Вітаю!"), Reply(claim, 1, At(3), At(8), "Ось сукні")]),
            At(3));

        completed.Should().BeTrue();
        var message = await Store.GetMessageAsync(claim.LastMessageId);
        message!.Status.Should().Be(InboxStatus.Done);
        message.TurnCompleted.Should().BeTrue();
        var rows = await Store.ListOutboxAsync("sub-1");
        rows.Select(r => (r.IdempotencyKey, r.Sequence, r.State, r.Kind, r.TurnId, r.Attempts, r.CreatedAt)).Should().Equal(
            ($"{claim.TurnId}:reply:0", 0, OutboxState.Pending, OutboxKind.Reply, claim.TurnId, 0, At(3)),
            ($"{claim.TurnId}:reply:1", 1, OutboxState.Pending, OutboxKind.Reply, claim.TurnId, 0, At(3)));
        rows[1].ContentJson.Should().Be(Content("Ось сукні"));
        await AcceptAsync("sub-1", "а ще?", At(4));
        (await Store.TryClaimTurnAsync("sub-1", OwnerB, At(6), Quiet, Lease)).Should().NotBeNull("the completion released the lease");
    }

    [Fact]
    public async Task CompleteTurnAsync_SecondCall_ReturnsFalseAndChangesNothing()
    {
        await AcceptAsync("sub-1", "привіт", At(0));
        var claim = await ClaimAsync("sub-1", At(2));
        await ClaimAsync("sub-1", At(2) + Lease, OwnerB);
        (await Store.CompleteTurnAsync(Completion(claim, OwnerB, "catalog", outbox: Reply(claim, 0, At(3))), At(40))).Should().BeTrue();

        var late = await Store.CompleteTurnAsync(
            Completion(claim, OwnerA, "checkout", "stalled owner", Reply(claim, 0, At(3), text: "other"), Reply(claim, 1, At(3))),
            At(41));

        late.Should().BeFalse();
        var rows = await Store.ListOutboxAsync("sub-1");
        rows.Should().ContainSingle().Which.ContentJson.Should().Be(Content("hello"));
        (await Store.GetHandoffAsync("sub-1")).Should().BeNull();
        (await Store.FindFollowUpCandidatesAsync(["catalog"], At(100), At(-100), 10)).Should().ContainSingle();
    }

    [Fact]
    public async Task CompleteTurnAsync_ResumedTurnWithSameKeys_KeepsTheFirstRows()
    {
        await AcceptAsync("sub-1", "привіт", At(0));
        var claim = await ClaimAsync("sub-1", At(2));
        (await Store.EnqueueAsync(Reply(claim, 0, At(3), text: "first attempt"), At(3))).Should().BeTrue();

        (await Store.CompleteTurnAsync(Completion(claim, outbox: [Reply(claim, 0, At(4), text: "second attempt"), Reply(claim, 1, At(4))]), At(4))).Should().BeTrue();

        var rows = await Store.ListOutboxAsync("sub-1");
        rows.Select(r => r.Sequence).Should().Equal(0, 1);
        rows[0].ContentJson.Should().Be(Content("first attempt"));
    }

    [Fact]
    public async Task CompleteTurnAsync_UnknownTurn_Throws()
    {
        var act = () => Store.CompleteTurnAsync(new TurnCompletion("sub-1:42", "sub-1", OwnerA, "s", "i", null, []), At(0));

        await act.Should().ThrowAsync<InvalidOperationException>().WithMessage("*sub-1:42*");
    }

    [Fact]
    public async Task CompleteTurnAsync_Handoff_StartsItAndHoldsMessagesThatArrivedDuringTheTurn()
    {
        await AcceptAsync("sub-1", "хочу менеджера", At(0));
        var claim = await ClaimAsync("sub-1", At(2));
        var during = await AcceptAsync("sub-1", "терміново", At(3));

        (await Store.CompleteTurnAsync(Completion(claim, state: "handoff", handoff: "asked for a human"), At(4))).Should().BeTrue();

        (await Store.GetHandoffAsync("sub-1")).Should().Be("asked for a human");
        (await Store.GetMessageAsync(during))!.Status.Should().Be(InboxStatus.Held);
        (await Store.FindClaimableTurnsAsync(At(60), Quiet, 10)).Should().BeEmpty();
        (await Store.GetBacklogAsync(At(60))).HandedOff.Should().Be(1);
    }

    [Fact]
    public async Task CompleteTurnAsync_HandoffAfterRelease_RecordsTheNewReason()
    {
        await RunTurnAsync("sub-1", "хочу менеджера", At(0), "handoff", handoff: "first reason");
        (await Store.ReleaseHandoffAsync("sub-1")).Should().BeTrue();
        await RunTurnAsync("sub-1", "знову", At(10), "handoff", handoff: "second reason");
        var claim = await RunTurnAsync("sub-2", "x", At(10), "s");

        (await Store.GetHandoffAsync("sub-1")).Should().Be("second reason");
        (await Store.GetHandoffAsync(claim.SubscriberId)).Should().BeNull();
    }

    [Fact]
    public async Task ReleaseHandoffAsync_HandedOff_GivesTheConversationBack()
    {
        await RunTurnAsync("sub-1", "хочу менеджера", At(0), "handoff", handoff: "asked for a human");
        var held = await Store.AcceptAsync(Message("sub-1", "алло?"), At(5), Window);

        (await Store.ReleaseHandoffAsync("sub-1")).Should().BeTrue();
        (await Store.ReleaseHandoffAsync("sub-1")).Should().BeFalse();
        (await Store.ReleaseHandoffAsync("nobody")).Should().BeFalse();

        (await Store.GetHandoffAsync("sub-1")).Should().BeNull();
        (await Store.GetMessageAsync(held.MessageId))!.Status.Should().Be(InboxStatus.Held, "the human answered it");
        var next = await AcceptAsync("sub-1", "дякую", At(20));
        (await ClaimAsync("sub-1", At(22))).Messages.Select(m => m.Id).Should().Equal(next);
    }
}
