namespace Mirt.Delivery.Tests;

/// <content>Accepting, deduplicating and reading messages.</content>
public abstract partial class DeliveryStoreConformance
{
    [Fact]
    public async Task AcceptAsync_NewMessage_StoresPendingWithItsFields()
    {
        var id = await AcceptAsync("sub-1", "є сукні?", At(0), image: "https://cdn.example/p.jpg");

        var stored = await Store.GetMessageAsync(id);

        stored.Should().BeEquivalentTo(new InboxMessage(
            id, "sub-1", At(0), "є сукні?", "https://cdn.example/p.jpg", "Olena", InboxStatus.Pending, null, null, false, null));
    }

    [Fact]
    public async Task AcceptAsync_Accepted_RecordsLastCustomerTime()
    {
        await AcceptAsync("sub-1", "привіт", At(0));
        await AcceptAsync("sub-1", "є сукні?", At(5));
        await Store.EnqueueAsync(Draft("k1", "sub-1", At(5)), At(5));

        var row = (await Store.ListOutboxAsync("sub-1")).Single();

        row.LastCustomerAt.Should().Be(At(5));
    }

    [Fact]
    public async Task AcceptAsync_SameContentInsideWindow_ReturnsDuplicateOfOriginal()
    {
        var original = await AcceptAsync("sub-1", "привіт", At(0));

        var again = await Store.AcceptAsync(Message("sub-1", "привіт"), At(0) + Window - TimeSpan.FromMilliseconds(1), Window);

        again.Should().Be(new AcceptResult(AcceptOutcome.Duplicate, original));
        (await Store.GetBacklogAsync(At(1))).PendingMessages.Should().Be(1);
    }

    [Fact]
    public async Task AcceptAsync_SameContentOutsideWindow_StoresNewMessage()
    {
        var original = await AcceptAsync("sub-1", "привіт", At(0));

        var again = await Store.AcceptAsync(Message("sub-1", "привіт"), At(0) + Window + TimeSpan.FromMilliseconds(1), Window);

        again.Outcome.Should().Be(AcceptOutcome.Accepted);
        again.MessageId.Should().BeGreaterThan(original);
    }

    [Fact]
    public async Task AcceptAsync_WindowZero_NeverDeduplicates()
    {
        var first = await Store.AcceptAsync(Message("sub-1", "так"), At(0), TimeSpan.Zero);
        var second = await Store.AcceptAsync(Message("sub-1", "так"), At(0), TimeSpan.Zero);

        second.Outcome.Should().Be(AcceptOutcome.Accepted);
        second.MessageId.Should().NotBe(first.MessageId);
    }

    [Fact]
    public async Task AcceptAsync_SameContentOtherSubscriberOrOtherPhoto_IsNotDuplicate()
    {
        await AcceptAsync("sub-1", "фото", At(0), image: "https://cdn.example/a.jpg");

        (await Store.AcceptAsync(Message("sub-2", "фото", "https://cdn.example/a.jpg"), At(1), Window)).Outcome.Should().Be(AcceptOutcome.Accepted);
        (await Store.AcceptAsync(Message("sub-1", "фото", "https://cdn.example/b.jpg"), At(1), Window)).Outcome.Should().Be(AcceptOutcome.Accepted);
    }

    [Fact]
    public async Task AcceptAsync_HandedOff_StoresHeldThatNoTurnClaims()
    {
        await RunTurnAsync("sub-1", "хочу менеджера", At(0), "handoff", handoff: "asked for a human");

        var held = await Store.AcceptAsync(Message("sub-1", "алло?"), At(10), Window);

        held.Outcome.Should().Be(AcceptOutcome.Held);
        (await Store.GetMessageAsync(held.MessageId))!.Status.Should().Be(InboxStatus.Held);
        (await Store.FindClaimableTurnsAsync(At(60), Quiet, 10)).Should().BeEmpty();
        (await Store.TryClaimTurnAsync("sub-1", OwnerA, At(60), Quiet, Lease)).Should().BeNull();
    }

    [Fact]
    public async Task AcceptAsync_DuplicateOfHeldMessage_ReturnsDuplicate()
    {
        await RunTurnAsync("sub-1", "хочу менеджера", At(0), "handoff", handoff: "asked for a human");
        var held = await Store.AcceptAsync(Message("sub-1", "алло?"), At(10), Window);

        var again = await Store.AcceptAsync(Message("sub-1", "алло?"), At(11), Window);

        again.Should().Be(new AcceptResult(AcceptOutcome.Duplicate, held.MessageId));
    }

    [Fact]
    public async Task GetMessageAsync_UnknownId_ReturnsNull() =>
        (await Store.GetMessageAsync(12345)).Should().BeNull();

    [Fact]
    public async Task TrySetAnswerAsync_SecondCall_ReturnsFalseAndKeepsFirstAnswer()
    {
        var id = await AcceptAsync("sub-1", "привіт", At(0));

        (await Store.TrySetAnswerAsync(id, """{"version":"v2","first":true}""")).Should().BeTrue();
        (await Store.TrySetAnswerAsync(id, """{"version":"v2","first":false}""")).Should().BeFalse();

        (await Store.GetMessageAsync(id))!.AnswerJson.Should().Be("""{"version":"v2","first":true}""");
        (await Store.TrySetAnswerAsync(999_999, "{}")).Should().BeFalse();
    }

    [Fact]
    public async Task HasNewerMessageAsync_NewerStoredMessage_ReturnsTrue()
    {
        var first = await AcceptAsync("sub-1", "привіт", At(0));
        await AcceptAsync("sub-2", "інший клієнт", At(1));

        (await Store.HasNewerMessageAsync(first)).Should().BeFalse();

        var second = await AcceptAsync("sub-1", "є сукні?", At(2));
        (await Store.HasNewerMessageAsync(first)).Should().BeTrue();
        (await Store.HasNewerMessageAsync(second)).Should().BeFalse();
        (await Store.HasNewerMessageAsync(999_999)).Should().BeFalse();
    }

    [Fact]
    public async Task HasNewerMessageAsync_OnlyHeldNewer_ReturnsFalse()
    {
        var claim = await RunTurnAsync("sub-1", "хочу менеджера", At(0), "handoff", handoff: "asked for a human");
        await Store.AcceptAsync(Message("sub-1", "алло?"), At(10), Window);

        (await Store.HasNewerMessageAsync(claim.LastMessageId)).Should().BeFalse();
    }
}
