using System.Globalization;
using Mirt.Delivery;
using Mirt.Testing.Llm;
using Mirt.Testing.ManyChat;

namespace Mirt.Host.Tests.Delivery;

/// <summary>A push ManyChat refuses for good is not retried and goes to a human (issue 5: 3011 is final).</summary>
public sealed class PushFailureDeliveryTests
{
    [Fact]
    public async Task ReplyPushedOutsideTheWindow_IsRecordedFailedOnce_LoggedAndTheCustomerTaggedForAHuman()
    {
        await using var bed = DeliveryTestBed.Create();
        // The stand-in's window closes 1 s after the customer's message; the reply is ready only after 3 s.
        bed.ManyChat.Window = TimeSpan.FromSeconds(1);
        await using var model = FakeOpenAIServer.Start();
        model.OnRequest = (_, _) => Task.FromResult(FakeOpenAIResponse.Error(500, "slow") with { Delay = TimeSpan.FromSeconds(60) });
        var host = await bed.StartHostAsync(new Dictionary<string, string>
        {
            ["MIRT_LOG_FORMAT"] = "json",
            ["MIRT_REPLY_DEADLINE_MS"] = "1000",
            ["MIRT_INTERIM_DELAY_MS"] = "0",
            ["MIRT_LLM_ENDPOINT"] = model.Endpoint.ToString(),
            ["MIRT_LLM_API_KEY"] = "test-key",
            ["MIRT_LLM_MODEL"] = "slow-model",
            ["MIRT_LLM_DEADLINE_MS"] = "3000",
            ["MIRT_LLM_TURN_DEADLINE_MS"] = "4000",
            ["MIRT_LLM_NETWORK_TIMEOUT_MS"] = "30000",
        });
        const long customer = 5550801;
        var id = customer.ToString(CultureInfo.InvariantCulture);

        var answer = await bed.SendAsync(host, customer, "Є сукні для дівчинки?");
        answer.Texts.Should().ContainSingle().Which.Should().Contain("перевіряю", "the reply must be pushed");

        (await DeliveryTestBed.EventuallyAsync(() => bed.ManyChat.TagsOf(customer).Contains("needs_human"), TimeSpan.FromSeconds(20))).Should().BeTrue(host.Log);
        await Task.Delay(3_000); // a retry would come by now
        var sendCalls = bed.ManyChat.Requests.Where(r => r.Path.EndsWith("/sendContent", StringComparison.Ordinal) && r.SubscriberId == customer).ToList();
        sendCalls.Should().NotBeEmpty().And.OnlyContain(r => r.Status == 400 && r.Code == ManyChatStandIn.OutsideWindowCode);
        bed.ManyChat.Sent.Should().BeEmpty("nothing reached the customer");
        await using (var store = await DeliveryStores.OpenSqliteAsync(Path.Combine(bed.DataDir, "mirt.db")))
        {
            var rows = await store.ListOutboxAsync(id);
            rows.Should().NotBeEmpty().And.OnlyContain(r => r.Kind == OutboxKind.Reply && r.State == OutboxState.Failed && r.Attempts == 1, "3011 is final");
            sendCalls.Should().HaveCount(rows.Count, "each bubble was tried once and never again");
        }

        var metrics = await DeliveryTestBed.MetricsAsync(host);
        metrics.Sum("delivery_pushes_total", ("result", "failed")).Should().Be(sendCalls.Count);
        metrics.Sum("delivery_pushes_total", ("result", "retry")).Should().Be(0);
        metrics.Sum("delivery_pushes_total", ("result", "sent")).Should().Be(0);
        host.Log.Should().Contain("\"event\":\"push_failed\"").And.Contain("push failed for good").And.Contain("3011");
    }
}
