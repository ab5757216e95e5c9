namespace Mirt.Host.Tests.Delivery;

/// <summary>A customer's burst of messages becomes one calm turn (issue 5: debounce and per-customer ordering).</summary>
public sealed class BurstDeliveryTests
{
    private static readonly string[] Burst = ["Привіт", "є сукні?", "для дівчинки", "на зріст 110", "святкову"];

    [Fact]
    public async Task FiveMessagesInOneSecond_AreMergedIntoOneTurn_AnsweredOnceInline()
    {
        await using var bed = DeliveryTestBed.Create();
        var host = await bed.StartHostAsync(new Dictionary<string, string> { ["MIRT_DEBOUNCE_MS"] = "1500" });
        const long customer = 5550101;

        var sends = new List<Task<WebhookAnswer>>();
        foreach (var text in Burst)
        {
            sends.Add(bed.SendAsync(host, customer, text));
            await Task.Delay(200);
        }

        var answers = await Task.WhenAll(sends);

        answers.Should().OnlyContain(a => a.Status == 200);
        answers.Where(a => !a.IsEmpty).Should().ContainSingle("one merged turn gets one reply")
            .Which.Sent.Should().Be(Burst[^1], "the newest message's webhook answers for the whole turn");
        var metrics = await DeliveryTestBed.MetricsAsync(host);
        metrics.Sum("delivery_turns_total", ("outcome", "completed")).Should().Be(1);
        metrics.Sum("delivery_answers_total", ("kind", "reply")).Should().Be(1);
        metrics.Sum("delivery_answers_total", ("kind", "empty")).Should().Be(4);
        metrics.Sum("delivery_messages_total", ("outcome", "accepted")).Should().Be(5);
        await Task.Delay(1_000);
        bed.PushedTo(customer).Should().BeEmpty("the reply went inline, so nothing is pushed as well");
    }

    [Fact]
    public async Task MessagesAfterAnAnswer_AreTheirOwnTurns_AndARedeliveryGetsTheOriginalAnswer()
    {
        await using var bed = DeliveryTestBed.Create();
        var host = await bed.StartHostAsync(new Dictionary<string, string> { ["MIRT_DEBOUNCE_MS"] = "300", ["MIRT_DEDUP_WINDOW_MS"] = "10000" });
        const long customer = 5550102;

        var first = await bed.SendAsync(host, customer, "Привіт");
        var second = await bed.SendAsync(host, customer, "є сукні?");
        var repeated = await bed.SendAsync(host, customer, "є сукні?");

        first.IsEmpty.Should().BeFalse();
        second.IsEmpty.Should().BeFalse();
        repeated.Texts.Should().Equal(second.Texts, "a re-delivered webhook gets the original answer");
        var metrics = await DeliveryTestBed.MetricsAsync(host);
        metrics.Sum("delivery_turns_total", ("outcome", "completed")).Should().Be(2, "the re-delivery runs no turn");
        metrics.Sum("delivery_messages_total", ("outcome", "duplicate")).Should().Be(1);
    }
}
