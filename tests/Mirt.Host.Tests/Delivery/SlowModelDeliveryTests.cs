using Mirt.Testing.Llm;

namespace Mirt.Host.Tests.Delivery;

/// <summary>A slow model never makes the customer wait past ManyChat's budget (issue 5: the hybrid reply mode).</summary>
public sealed class SlowModelDeliveryTests
{
    [Fact]
    public async Task TwelveSecondModel_AcknowledgesWithinEightSeconds_PushesInterimThenReply_NothingTwice()
    {
        await using var bed = DeliveryTestBed.Create();
        await using var model = FakeOpenAIServer.Start();
        model.OnRequest = (_, _) => Task.FromResult(FakeOpenAIResponse.Error(500, "never answered in time") with { Delay = TimeSpan.FromSeconds(60) });
        var host = await bed.StartHostAsync(new Dictionary<string, string>
        {
            ["MIRT_DEBOUNCE_MS"] = "0",
            ["MIRT_LLM_ENDPOINT"] = model.Endpoint.ToString(),
            ["MIRT_LLM_API_KEY"] = "test-key",
            ["MIRT_LLM_MODEL"] = "slow-model",
            // The model takes 12 s: the call's deadline ends it then and the turn answers with the rule draft.
            ["MIRT_LLM_DEADLINE_MS"] = "12000",
            ["MIRT_LLM_TURN_DEADLINE_MS"] = "13000",
            ["MIRT_LLM_NETWORK_TIMEOUT_MS"] = "30000",
        });
        const long customer = 5550201;

        var answer = await bed.SendAsync(host, customer, "Є сукні для дівчинки?");

        answer.Status.Should().Be(200);
        answer.Took.Should().BeLessThan(TimeSpan.FromSeconds(9.5), "ManyChat gives the block about 10 s");
        answer.Took.Should().BeGreaterThan(TimeSpan.FromSeconds(7));
        answer.Texts.Should().ContainSingle().Which.Should().Contain("перевіряю", "the acknowledgement template answers");
        (await DeliveryTestBed.EventuallyAsync(() => bed.PushedTo(customer).Count >= 2, TimeSpan.FromSeconds(30))).Should().BeTrue(host.Log);
        await Task.Delay(2_000); // anything sent twice would arrive by now
        var pushed = bed.PushedTo(customer);
        pushed[0].Should().Contain("Секунду", "the interim bubble goes first, after 10 s");
        pushed.Skip(1).Should().NotBeEmpty().And.NotContain(t => t.Contains("Секунду"));
        pushed.Should().OnlyHaveUniqueItems();
        bed.ManyChat.Sent.Where(s => s.SubscriberId == customer).Select(s => s.At).Should().BeInAscendingOrder();
        var metrics = await DeliveryTestBed.MetricsAsync(host);
        metrics.Sum("delivery_answers_total", ("kind", "ack")).Should().Be(1);
        metrics.Sum("delivery_pushes_total", ("result", "sent")).Should().Be(pushed.Count);
    }
}
