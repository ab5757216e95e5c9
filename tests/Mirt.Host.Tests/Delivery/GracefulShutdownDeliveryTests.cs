using System.Diagnostics;
using Mirt.Delivery;
using Mirt.Testing.Llm;

namespace Mirt.Host.Tests.Delivery;

/// <summary>SIGTERM in the middle of a turn loses nothing and sends nothing twice (issue 5: graceful shutdown).</summary>
public sealed class GracefulShutdownDeliveryTests
{
    [Fact]
    public async Task SigtermDuringASlowTurn_ReadinessDrainsFirst_TurnFinishesAndIsPushedOnceBeforeExit_RestartPushesNothing()
    {
        await using var bed = DeliveryTestBed.Create();
        await using var model = FakeOpenAIServer.Start();
        model.OnRequest = (_, _) => Task.FromResult(FakeOpenAIResponse.Error(500, "slow") with { Delay = TimeSpan.FromSeconds(60) });
        var environment = new Dictionary<string, string>
        {
            ["MIRT_REPLY_DEADLINE_MS"] = "1000",
            ["MIRT_INTERIM_DELAY_MS"] = "0",
            ["MIRT_SHUTDOWN_DRAIN_MS"] = "1500",
            ["MIRT_SHUTDOWN_TIMEOUT_MS"] = "25000",
            ["MIRT_LLM_ENDPOINT"] = model.Endpoint.ToString(),
            ["MIRT_LLM_API_KEY"] = "test-key",
            ["MIRT_LLM_MODEL"] = "slow-model",
            // The turn waits 5 s for the model, then answers with the rule draft: it is still running when the drain ends.
            ["MIRT_LLM_DEADLINE_MS"] = "5000",
            ["MIRT_LLM_TURN_DEADLINE_MS"] = "6000",
            ["MIRT_LLM_NETWORK_TIMEOUT_MS"] = "30000",
        };
        const long customer = 5550501;
        var host = await bed.StartHostAsync(environment);

        var answer = await bed.SendAsync(host, customer, "Є сукні для дівчинки?");
        answer.Texts.Should().ContainSingle().Which.Should().Contain("перевіряю", "the turn is still waiting for the model");
        bed.PushedTo(customer).Should().BeEmpty();

        var clock = Stopwatch.StartNew();
        var stopping = host.StopAsync(TimeSpan.FromSeconds(40));
        var readiness = await PollReadinessWhileDrainingAsync(host);
        var exitedByItself = await stopping;

        exitedByItself.Should().BeTrue(host.Log);
        clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(25), "MIRT_SHUTDOWN_TIMEOUT_MS bounds the shutdown");
        readiness.Should().Contain((503, "draining"), "readiness goes false first, while the server still answers");
        readiness.SkipWhile(r => r.Status == 200).Should().OnlyContain(r => r.Status == 503 && r.Body == "draining", "readiness never flips back once draining started");
        var pushedAtExit = bed.ManyChat.Sent.Where(s => s.SubscriberId == customer).ToList();
        pushedAtExit.Should().NotBeEmpty("the running turn finished and its reply was flushed before the process ended:\n" + host.Log);
        pushedAtExit.Select(p => p.ContentJson).Should().OnlyHaveUniqueItems();
        host.Log.Should().Contain("turns finished=1 left_for_resume=0").And.Contain("left=0");

        var restarted = await bed.StartHostAsync(environment);
        await Task.Delay(3_000); // a resumed turn or a second push would arrive by now
        bed.ManyChat.Sent.Where(s => s.SubscriberId == customer).Should().HaveCount(pushedAtExit.Count, "nothing was left for the restarted host");
        var metrics = await DeliveryTestBed.MetricsAsync(restarted);
        metrics.Sum("delivery_turns_total").Should().Be(0);
        metrics.Sum("delivery_pushes_total").Should().Be(0);
        await using var store = await DeliveryStores.OpenSqliteAsync(Path.Combine(bed.DataDir, "mirt.db"));
        var rows = await store.ListOutboxAsync(customer.ToString(System.Globalization.CultureInfo.InvariantCulture));
        rows.Should().HaveCount(pushedAtExit.Count).And.OnlyContain(r => r.State == OutboxState.Sent && r.Attempts == 1);
    }

    // Polls /health/ready from just after SIGTERM until the server stops answering (or 30 s pass).
    private static async Task<List<(int Status, string Body)>> PollReadinessWhileDrainingAsync(Mirt.Testing.Hosting.HostProcess host)
    {
        var seen = new List<(int, string)>();
        using var http = new HttpClient { BaseAddress = host.Address, Timeout = TimeSpan.FromSeconds(2) };
        var until = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < until && !host.HasExited)
        {
            try
            {
                using var response = await http.GetAsync("/health/ready");
                using var body = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
                seen.Add(((int)response.StatusCode, body.RootElement.GetProperty("status").GetString()!));
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                return seen; // the server stopped taking requests
            }

            await Task.Delay(20);
        }

        return seen;
    }
}
