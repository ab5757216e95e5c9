using System.Collections.Concurrent;

namespace Mirt.Delivery.Tests;

/// <content>Owners racing on the same rows, in one store instance and across two (two pools, like two replicas).</content>
public abstract partial class DeliveryStoreConformance
{
    private const int Racers = 6;

    [Fact]
    public async Task TryClaimTurnAsync_OwnersRacing_ExactlyOneWinsEachSubscriber()
    {
        var other = await OpenAsync();
        var subscribers = Enumerable.Range(0, 10).Select(i => $"race-{i}").ToArray();
        foreach (var subscriber in subscribers)
        {
            await AcceptAsync(subscriber, "привіт", At(0));
            await AcceptAsync(subscriber, "є сукні?", At(0.5));
        }

        var claims = await Task.WhenAll(subscribers.SelectMany(subscriber => Enumerable.Range(0, Racers).Select(racer => Task.Run(() =>
            (racer % 2 == 0 ? Store : other).TryClaimTurnAsync(subscriber, $"owner-{racer}", At(5), Quiet, Lease)))));

        var won = claims.Where(c => c is not null).Select(c => c!).ToList();
        won.Select(c => c.SubscriberId).Should().OnlyHaveUniqueItems().And.BeEquivalentTo(subscribers);
        won.Should().AllSatisfy(c => c.Messages.Should().HaveCount(2));
    }

    [Fact]
    public async Task TurnLoop_AcceptsAndClaimsRacing_EveryMessageIsClaimedByExactlyOneTurn()
    {
        var other = await OpenAsync();
        const int messages = 40;
        var accepted = new ConcurrentBag<long>();
        var claimedBy = new ConcurrentDictionary<long, string>();
        var duplicates = 0;
        var clock = 0L;
        DateTimeOffset Tick() => At(Interlocked.Increment(ref clock) / 10.0);

        var writer = Task.Run(async () =>
        {
            for (var i = 0; i < messages; i++)
            {
                var store = i % 2 == 0 ? Store : other;
                accepted.Add((await store.AcceptAsync(Message("sub-1", $"message {i}"), Tick(), Window)).MessageId);
            }
        });
        var workers = Enumerable.Range(0, 4).Select(w => Task.Run(async () =>
        {
            var store = w % 2 == 0 ? Store : other;
            var owner = $"owner-{w}";
            while (!writer.IsCompleted || (await store.FindClaimableTurnsAsync(Tick(), TimeSpan.Zero, 1)).Count > 0)
            {
                // A lease far longer than the test: a take-over would (rightly) hand a turn out twice.
                var claim = await store.TryClaimTurnAsync("sub-1", owner, Tick(), TimeSpan.Zero, TimeSpan.FromDays(1));
                if (claim is null)
                {
                    await Task.Yield();
                    continue;
                }

                foreach (var message in claim.Messages)
                {
                    if (!claimedBy.TryAdd(message.Id, claim.TurnId))
                    {
                        Interlocked.Increment(ref duplicates);
                    }
                }

                (await store.CompleteTurnAsync(Completion(claim, owner), Tick())).Should().BeTrue();
            }
        })).ToArray();
        await writer;
        await Task.WhenAll(workers);

        duplicates.Should().Be(0);
        claimedBy.Keys.Should().BeEquivalentTo(accepted);
        (await Store.GetBacklogAsync(At(10_000))).PendingMessages.Should().Be(0);
    }

    [Fact]
    public async Task AcceptAsync_SameWebhookRacingOnTwoStores_StoresItOnce()
    {
        var other = await OpenAsync();

        var results = await Task.WhenAll(Enumerable.Range(0, Racers).Select(i => Task.Run(() =>
            (i % 2 == 0 ? Store : other).AcceptAsync(Message("sub-1", "привіт"), At(0), Window))));

        results.Count(r => r.Outcome == AcceptOutcome.Accepted).Should().Be(1);
        results.Select(r => r.MessageId).Distinct().Should().ContainSingle();
    }

    [Fact]
    public async Task TryClaimPushesAsync_OwnersRacing_ExactlyOneWins()
    {
        var other = await OpenAsync();
        await EnqueueAsync(Draft("a", "sub-1", At(0)), Draft("b", "sub-1", At(0)));

        var claims = await Task.WhenAll(Enumerable.Range(0, Racers).Select(racer => Task.Run(() =>
            (racer % 2 == 0 ? Store : other).TryClaimPushesAsync("sub-1", $"owner-{racer}", At(1), Lease))));

        claims.Where(c => c is not null).Should().ContainSingle().Which!.Due.Should().HaveCount(2);
    }

    [Fact]
    public async Task TryClaimInlineAsync_RacingAPush_ExactlyOneSideGetsTheRows()
    {
        var other = await OpenAsync();
        for (var round = 0; round < 8; round++)
        {
            var subscriber = $"inline-{round}";
            await AcceptAsync(subscriber, "привіт", At(0));
            var turn = await ClaimAsync(subscriber, At(2));
            await Store.CompleteTurnAsync(Completion(turn, outbox: [Reply(turn, 0, At(3), At(8)), Reply(turn, 1, At(3), At(8))]), At(3));

            // The pusher's clock runs ahead of the webhook's: both believe the rows are theirs.
            var push = await other.TryClaimPushesAsync(subscriber, OwnerB, At(8), Lease);
            push!.Due.Should().HaveCount(2);
            var inlineTask = Task.Run(() => Store.TryClaimInlineAsync(turn.TurnId, At(7)));
            var pushTask = Task.Run(async () =>
            {
                var marked = 0;
                foreach (var row in push.Due)
                {
                    marked += await other.MarkSendingAsync(row.Id, OwnerB, At(8)) ? 1 : 0;
                }

                return marked;
            });
            var (inline, pushed) = (await inlineTask, await pushTask);

            (inline.Count, pushed).Should().BeOneOf([(2, 0), (0, 2)], "round {0} must not split the reply", round);
        }
    }
}
