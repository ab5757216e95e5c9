using Mirt.Testing;
using Mirt.Testing.Llm;

namespace Mirt.Host.Tests.Delivery;

/// <summary>A customer who goes silent at the offer gets one nudge, never while she is being answered (issue 5: follow-ups).</summary>
public sealed class FollowUpDeliveryTests
{
    // The dress-purchase golden flow reaches STATE_4_OFFER on its fourth message.
    private static readonly string[] ToTheOffer =
    [
        "Добрий день! Шукаю сукню для доньки на випускний у садочку",
        "Зріст 118 см, їй 6 років",
        "А які є кольори?",
        "Рожевий гарний, давайте рожевий",
    ];

    private static string OfferFollowUp => File.ReadAllText(Path.Combine(RepoPaths.Prompts, "delivery", "followup_offer.hbs")).Trim();

    [Fact]
    public async Task SilentAtTheOffer_GetsExactlyOneFollowUp_NotRepeatedOnLaterScans()
    {
        await using var bed = DeliveryTestBed.Create();
        var host = await bed.StartHostAsync(new Dictionary<string, string>
        {
            ["MIRT_FOLLOWUP_STATES"] = "STATE_4_OFFER",
            ["MIRT_FOLLOWUP_AFTER_MS"] = "1500",
            ["MIRT_FOLLOWUP_SCAN_MS"] = "300",
        });
        const long customer = 5550701;

        foreach (var text in ToTheOffer)
        {
            (await bed.SendAsync(host, customer, text)).IsEmpty.Should().BeFalse(text);
        }

        (await DeliveryTestBed.EventuallyAsync(() => bed.PushedTo(customer).Count > 0, TimeSpan.FromSeconds(15))).Should().BeTrue(host.Log);
        await Task.Delay(3_000); // ten more scans
        bed.PushedTo(customer).Should().Equal([OfferFollowUp], "one nudge per state, whatever the number of scans");
        var metrics = await DeliveryTestBed.MetricsAsync(host);
        metrics.Sum("delivery_pushes_total", ("kind", "followup"), ("result", "sent")).Should().Be(1);
        host.Log.Should().Contain("follow-up queued").And.Contain("state=STATE_4_OFFER");
    }

    [Fact]
    public async Task CustomerWritesAgain_NoFollowUpWhileHerMessageIsPending_OneAfterTheAnswer()
    {
        await using var bed = DeliveryTestBed.Create();
        await using var model = FakeOpenAIServer.Start();
        var slow = false;
        model.OnRequest = (_, _) => Task.FromResult(Volatile.Read(ref slow)
            ? FakeOpenAIResponse.Error(500, "slow") with { Delay = TimeSpan.FromSeconds(60) }
            : FakeOpenAIResponse.Error(500, "down"));
        var host = await bed.StartHostAsync(new Dictionary<string, string>
        {
            // Long enough for the fourth (fast) turn to finish and her next message to arrive before she counts as silent.
            ["MIRT_FOLLOWUP_STATES"] = "STATE_4_OFFER",
            ["MIRT_FOLLOWUP_AFTER_MS"] = "3000",
            ["MIRT_FOLLOWUP_SCAN_MS"] = "300",
            ["MIRT_INTERIM_DELAY_MS"] = "0",
            ["MIRT_LLM_ENDPOINT"] = model.Endpoint.ToString(),
            ["MIRT_LLM_API_KEY"] = "test-key",
            ["MIRT_LLM_MODEL"] = "flaky-model",
            // A slow call ends after 5 s and the turn answers with the rule draft, inside the 8 s inline deadline.
            ["MIRT_LLM_DEADLINE_MS"] = "5000",
            ["MIRT_LLM_TURN_DEADLINE_MS"] = "6000",
            ["MIRT_LLM_NETWORK_TIMEOUT_MS"] = "30000",
        });
        const long customer = 5550702;
        foreach (var text in ToTheOffer)
        {
            (await bed.SendAsync(host, customer, text)).IsEmpty.Should().BeFalse(text);
        }

        Volatile.Write(ref slow, true);
        var writesAgain = bed.SendAsync(host, customer, "Скільки коштує?");
        await Task.Delay(4_500); // silent for longer than MIRT_FOLLOWUP_AFTER_MS, but her message is still being answered

        writesAgain.IsCompleted.Should().BeFalse("the turn is still waiting for the model");
        bed.PushedTo(customer).Should().BeEmpty("no nudge while her message waits for its answer");
        var answer = await writesAgain;
        answer.IsEmpty.Should().BeFalse();
        answer.Texts.Should().NotContain(t => t.Contains("перевіряю"), "the reply came inline");
        (await DeliveryTestBed.EventuallyAsync(() => bed.PushedTo(customer).Count > 0, TimeSpan.FromSeconds(15))).Should().BeTrue(host.Log);
        await Task.Delay(2_000);
        bed.PushedTo(customer).Should().Equal([OfferFollowUp], "silent at the offer again, now with nothing pending");
    }
}
