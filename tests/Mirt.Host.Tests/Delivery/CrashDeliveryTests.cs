using Mirt.Testing.Llm;

namespace Mirt.Host.Tests.Delivery;

/// <summary>A host killed between acknowledging and pushing still delivers the reply, once (issue 5: durable outbox).</summary>
public sealed class CrashDeliveryTests
{
    [Fact]
    public async Task KilledAfterAcknowledgingBeforePushing_RestartedHostPushesTheReplyExactlyOnce()
    {
        await using var bed = DeliveryTestBed.Create();
        await using var model = FakeOpenAIServer.Start();
        model.OnRequest = (_, _) => Task.FromResult(FakeOpenAIResponse.Error(500, "slow") with { Delay = TimeSpan.FromSeconds(60) });
        var environment = new Dictionary<string, string>
        {
            ["MIRT_DEBOUNCE_MS"] = "0",
            ["MIRT_REPLY_DEADLINE_MS"] = "1000",
            ["MIRT_INTERIM_DELAY_MS"] = "0",
            ["MIRT_TURN_LEASE_MS"] = "3000",
            ["MIRT_LLM_ENDPOINT"] = model.Endpoint.ToString(),
            ["MIRT_LLM_API_KEY"] = "test-key",
            ["MIRT_LLM_MODEL"] = "slow-model",
            ["MIRT_LLM_DEADLINE_MS"] = "4000",
            ["MIRT_LLM_TURN_DEADLINE_MS"] = "5000",
            ["MIRT_LLM_NETWORK_TIMEOUT_MS"] = "30000",
        };
        const long customer = 5550301;
        var first = await bed.StartHostAsync(environment);

        var answer = await bed.SendAsync(first, customer, "Є сукні для дівчинки?");
        answer.Texts.Should().ContainSingle().Which.Should().Contain("перевіряю", "the turn is still waiting for the model");
        await first.KillAsync(); // SIGKILL: the turn is mid-flight, nothing is pushed yet
        bed.PushedTo(customer).Should().BeEmpty();

        var restarted = await bed.StartHostAsync(environment);
        (await DeliveryTestBed.EventuallyAsync(() => bed.PushedTo(customer).Count > 0, TimeSpan.FromSeconds(40))).Should().BeTrue(restarted.Log);
        await Task.Delay(3_000); // a second copy would arrive by now
        var pushes = bed.ManyChat.Sent.Where(s => s.SubscriberId == customer).ToList();
        pushes.Select(p => p.ContentJson).Should().OnlyHaveUniqueItems("each bubble of the reply is pushed once");
        restarted.Log.Should().Contain("resuming turn", "the restarted host finishes the turn its predecessor started");
        var metrics = await DeliveryTestBed.MetricsAsync(restarted);
        metrics.Sum("delivery_turns_total", ("outcome", "completed")).Should().Be(1);
        metrics.Sum("delivery_pushes_total", ("result", "sent")).Should().Be(pushes.Count);

        // The customer's message is in the conversation once, though its turn started twice.
        await using var reader = await Mirt.Sales.Assistant.SalesAssistant.CreateAsync(new Mirt.Sales.Assistant.SalesAssistantOptions { DataDirectory = bed.DataDir });
        var transcript = await reader.GetTranscriptAsync(customer.ToString(System.Globalization.CultureInfo.InvariantCulture));
        transcript.Where(e => e.Role == Mirt.Nodes.Abstractions.State.TranscriptEntry.CustomerRole).Select(e => e.Text)
            .Should().Equal("Є сукні для дівчинки?");
    }
}
