using System.Text;
using System.Text.RegularExpressions;

namespace Mirt.Host.Tests;

/// <summary>Talks to a real host with a customer's name, phone, card number and address, at Debug level, and reads
/// everything the process wrote: none of it may appear.</summary>
public sealed partial class WebhookPiiLogTests : IDisposable
{
    private static readonly string[] Conversation =
    [
        "Добрий день! Шукаю сукню для доньки",
        "Зріст 118 см",
        "рожевий",
        "Так, оформлюємо",
        "Коваленко Марія Іванівна, 067 123 45 67",
        "Львів, відділення нової пошти 25, пошта maria.kovalenko@example.com",
        "Можна оплатити карткою 4111 1111 1111 1111?",
        "Передплата 200 грн",
    ];

    private static readonly string[] Secrets =
    [
        "067 123 45 67", "0671234567", "123 45 67", "4111 1111 1111 1111", "4111111111111111", "1111 1111",
        "Коваленко", "Марія", "Іванівна", "Оксана", "oksana.shop", "maria.kovalenko", "example.com", "Львів", "нової пошти",
    ];

    private readonly string _dataDir = Directory.CreateTempSubdirectory("mirt-pii-").FullName;

    public void Dispose() => Directory.Delete(_dataDir, recursive: true);

    [Theory]
    [InlineData("text")]
    [InlineData("json")]
    public async Task Post_ConversationWithPersonalData_HostLogCarriesNoneOfIt(string format)
    {
        await using var host = await HostProcess.StartAsync(_dataDir, environment: new Dictionary<string, string>
        {
            ["MIRT_LOG_FORMAT"] = format,
            ["Logging__LogLevel__Default"] = "Debug",
        });
        foreach (var text in Conversation)
        {
            var (status, _) = await WebhookClient.PostAsync(host.Address, new
            {
                subscriber_id = "pii-1",
                last_input_text = text,
                first_name = "Оксана",
                ig_username = "oksana.shop",
            });
            status.Should().Be(200);
        }

        // Rejected bodies carrying the same data: the reasons must not quote them.
        await PostRawAsync(host, "not json 067 123 45 67 4111 1111 1111 1111 Коваленко");
        await PostRawAsync(host, "{\"subscriber_id\":\"067 123 45 67\",\"last_input_text\":\"Оксана\"}");
        await PostRawAsync(host, "{\"subscriber_id\":\"pii-2\",\"last_input_text\":\"Марія 0671234567\",\"image_url\":\"http://maria.kovalenko@example.com/4111111111111111\"}");

        var log = await SettledLogAsync(host, turns: Conversation.Length, rejections: 3);

        log.Should().Contain("pii-1", "the turns were logged, so the log is really being checked");
        foreach (var secret in Secrets)
        {
            log.Should().NotContain(secret);
        }

        // Random hex trace and span ids (JSON lines quote them) can start with 0 and nine decimal digits, like a phone.
        var withoutIds = TraceIds().Replace(log, string.Empty);
        LongDigitRun().Matches(withoutIds).Select(m => m.Value).Should().BeEmpty("no phone or card number appears, whatever its spacing");
    }

    private static async Task PostRawAsync(HostProcess host, string body)
    {
        using var http = new HttpClient { BaseAddress = host.Address };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/manychat") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-ManyChat-Token", "test-secret");
        using var response = await http.SendAsync(request);
        ((int)response.StatusCode).Should().Be(400);
    }

    // The console logger writes from a background queue: wait until every turn and rejection line is out.
    private static async Task<string> SettledLogAsync(HostProcess host, int turns, int rejections)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < deadline
            && (Regex.Count(host.Log, "turn thread=pii-1") < turns || Regex.Count(host.Log, "webhook rejected") < rejections))
        {
            await Task.Delay(100);
        }

        return host.Log;
    }

    [GeneratedRegex(@"""(?:trace_id|span_id)"":""[0-9a-f]+""")]
    private static partial Regex TraceIds();

    [GeneratedRegex(@"(?<![\w.:-])(?:0|\+?380)\d{2}[ -]?\d{3}[ -]?\d{2}[ -]?\d{2}(?!\d)|\b4111[ -]?1111[ -]?1111[ -]?1111\b")]
    private static partial Regex LongDigitRun();
}
