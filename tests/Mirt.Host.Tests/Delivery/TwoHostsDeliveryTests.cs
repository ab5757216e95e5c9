using System.Globalization;
using Mirt.Delivery;
using Mirt.Sales.Assistant;
using Mirt.Sales.Storage;
using Mirt.Testing.Postgres;

namespace Mirt.Host.Tests.Delivery;

/// <summary>Two replicas on one PostgreSQL keep one customer's conversation linear (issue 5: ordering across replicas).</summary>
public sealed class TwoHostsDeliveryTests : IClassFixture<PostgresDatabaseFixture>
{
    private readonly PostgresDatabaseFixture _database;

    public TwoHostsDeliveryTests(PostgresDatabaseFixture database) => _database = database;

    [Fact]
    public async Task InterleavedMessagesOfOneCustomer_OnTwoHosts_MakeOneLinearConversation_EachAnsweredOnce()
    {
        await using var bed = DeliveryTestBed.Create();
        var environment = new Dictionary<string, string>
        {
            ["MIRT_POSTGRES"] = _database.ConnectionString,
            ["MIRT_DEBOUNCE_MS"] = "0",
        };
        var hosts = new[] { await bed.StartHostAsync(environment), await bed.StartHostAsync(environment) };
        const long customer = 5550401;
        foreach (var host in hosts)
        {
            await bed.SendAsync(host, 5550499, "Привіт"); // warm both replicas up (another customer)
        }

        var texts = Enumerable.Range(1, 12).Select(i => $"повідомлення {i}: є сукні?").ToArray();

        // The customer types fast; ManyChat spreads the webhooks over both replicas.
        var sends = new List<Task<WebhookAnswer>>();
        for (var i = 0; i < texts.Length; i++)
        {
            sends.Add(bed.SendAsync(hosts[i % 2], customer, texts[i]));
            await Task.Delay(150);
        }

        var answers = await Task.WhenAll(sends);
        answers.Should().OnlyContain(a => a.Status == 200);
        await Task.Delay(2_000); // late replies are pushed by now

        var turns = 0d;
        foreach (var host in hosts)
        {
            turns += (await DeliveryTestBed.MetricsAsync(host)).Sum("delivery_turns_total", ("outcome", "completed"));
        }

        // Every turn's reply rows ended delivered exactly one way: inline to the waiting webhook, or pushed once.
        await using var store = await DeliveryStores.OpenPostgresAsync(new DeliveryPostgresOptions { ConnectionString = _database.ConnectionString });
        var rows = await store.ListOutboxAsync(customer.ToString(CultureInfo.InvariantCulture));
        rows.Should().OnlyContain(r => r.State == OutboxState.Inline || r.State == OutboxState.Sent);
        rows.Select(r => r.TurnId).Distinct().Should().HaveCount((int)turns - hosts.Length, "every turn but the warm-ups is this customer's");
        rows.Where(r => r.State == OutboxState.Inline).Select(r => r.TurnId).Distinct().Should().HaveCount(answers.Count(a => !a.IsEmpty));
        bed.ManyChat.Sent.Count(s => s.SubscriberId == customer).Should().Be(rows.Count(r => r.State == OutboxState.Sent));

        await using var reader = await SalesAssistant.CreateAsync(new SalesAssistantOptions { Store = StoreKind.Postgres, PostgresConnectionString = _database.ConnectionString });
        var transcript = await reader.GetTranscriptAsync(customer.ToString(CultureInfo.InvariantCulture));
        var customerLines = transcript.Where(e => e.Role == Mirt.Nodes.Abstractions.State.TranscriptEntry.CustomerRole).SelectMany(e => e.Text.Split('\n')).ToList();
        customerLines.Should().BeEquivalentTo(texts, "every message is in the conversation exactly once");
        customerLines.Should().Equal(await AcceptanceOrderAsync(customer), "turns take messages in the order the inbox accepted them, whichever replica took them");
        transcript.Select(e => e.At).Should().BeInAscendingOrder();
    }

    private async Task<IReadOnlyList<string>> AcceptanceOrderAsync(long customer)
    {
        await using var connection = new Npgsql.NpgsqlConnection(_database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand("SELECT text FROM mirt.delivery_inbox WHERE subscriber_id = @s ORDER BY id", connection);
        command.Parameters.AddWithValue("s", customer.ToString(CultureInfo.InvariantCulture));
        var texts = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            texts.Add(reader.GetString(0));
        }

        return texts;
    }
}
