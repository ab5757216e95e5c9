using System.Net;
using System.Text;
using System.Text.Json;

namespace Mirt.Host.Tests;

/// <summary>Runs real hosts with small limits: a request over a limit is a 429 with a reason and Retry-After, not the
/// framework's 503.</summary>
public sealed class WebhookRateLimitTests : IDisposable
{
    private readonly string _dataDir = Directory.CreateTempSubdirectory("mirt-rate-").FullName;

    public void Dispose() => Directory.Delete(_dataDir, recursive: true);

    [Fact]
    public async Task Post_SubscriberOverItsLimit_Is429WithRetryAfterAndReason_OthersStillAnswered()
    {
        await using var host = await HostProcess.StartAsync(_dataDir, environment: new Dictionary<string, string>
        {
            ["MIRT_RATE_PER_SUBSCRIBER"] = "3/h",
            ["MIRT_RATE_GLOBAL"] = "1000/s",
        });
        using var http = new HttpClient { BaseAddress = host.Address };

        for (var i = 0; i < 3; i++)
        {
            using var allowed = await PostAsync(http, WebhookClient.Message("rate-1", $"Шукаю сукню {i}"));
            allowed.StatusCode.Should().Be(HttpStatusCode.OK);
        }

        using var refused = await PostAsync(http, WebhookClient.Message("rate-1", "ще одне"));
        using var other = await PostAsync(http, WebhookClient.Message("rate-2", "Шукаю сукню"));

        refused.StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
        refused.Headers.RetryAfter!.Delta!.Value.Should().BeGreaterThanOrEqualTo(TimeSpan.FromSeconds(1)).And.BeLessThanOrEqualTo(TimeSpan.FromMinutes(20));
        (await ErrorAsync(refused)).Should().Contain("MIRT_RATE_PER_SUBSCRIBER").And.Contain("3/h").And.Contain("retry after");
        other.StatusCode.Should().Be(HttpStatusCode.OK, "another subscriber has its own limit");
        host.Log.Should().Contain("status=429");
    }

    [Fact]
    public async Task Post_OverTheGlobalLimit_Is429BeforeTheBodyIsRead_AndStrangersDoNotSpendIt()
    {
        await using var host = await HostProcess.StartAsync(_dataDir, environment: new Dictionary<string, string>
        {
            ["MIRT_RATE_GLOBAL"] = "2/h",
        });
        using var http = new HttpClient { BaseAddress = host.Address };

        using var stranger = await PostAsync(http, WebhookClient.Message("g-1", "Привіт"), token: "wrong");
        using var first = await PostAsync(http, "not json");
        using var second = await PostAsync(http, WebhookClient.Message("g-2", "Привіт"));
        using var third = await PostAsync(http, "not json");

        stranger.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        first.StatusCode.Should().Be(HttpStatusCode.BadRequest, "a malformed body still spends a permit: parsing costs the process too");
        second.StatusCode.Should().Be(HttpStatusCode.OK);
        third.StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
        third.Headers.RetryAfter!.Delta!.Value.Should().BeGreaterThan(TimeSpan.FromMinutes(1));
        (await ErrorAsync(third)).Should().Contain("MIRT_RATE_GLOBAL").And.Contain("2/h");
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient http, object body, string token = "test-secret")
    {
        var json = body as string ?? JsonSerializer.Serialize(body);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/manychat") { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-ManyChat-Token", token);
        return await http.SendAsync(request);
    }

    private static async Task<string> ErrorAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("error").GetString()!;
}
