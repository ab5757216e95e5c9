using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text.Json;
using Xunit.Abstractions;

namespace Mirt.Host.Tests;

/// <summary>
/// Floods one real host process with 10,000 hostile webhook bodies (and a few valid ones) from eight clients at once:
/// nothing may crash it or make it answer 5xx; every refusal is a 4xx with a reason; every valid body gets a reply.
/// </summary>
public sealed class WebhookFuzzTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Bodies = 10_000;
    private const int Seed = 20_251_121;

    private readonly string _dataDir = Directory.CreateTempSubdirectory("mirt-fuzz-").FullName;
    private HostProcess _host = null!;

    // The flood would be mostly 429s under the default limits; the limits have their own tests (WebhookRateLimitTests).
    public async Task InitializeAsync() => _host = await HostProcess.StartAsync(_dataDir, environment: new Dictionary<string, string>
    {
        ["MIRT_RATE_PER_SUBSCRIBER"] = "off",
        ["MIRT_RATE_GLOBAL"] = "off",
    });

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        Directory.Delete(_dataDir, recursive: true);
    }

    [Fact]
    public async Task Post_TenThousandHostileBodies_No5xxNoCrash_EveryRefusalA4xxWithReason_EveryValidBodyAnswered()
    {
        var corpus = WebhookFuzzCorpus.Build(Bodies, Seed);
        var failures = new ConcurrentQueue<string>();
        var statuses = new ConcurrentDictionary<int, int>();
        using var http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
        {
            BaseAddress = _host.Address,
            Timeout = TimeSpan.FromSeconds(60),
        };
        var clock = Stopwatch.StartNew();

        await Parallel.ForEachAsync(corpus, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (fuzz, cancellationToken) =>
        {
            var (status, body) = await SendAsync(http, fuzz, cancellationToken);
            statuses.AddOrUpdate(status, 1, (_, n) => n + 1);
            if (Check(fuzz, status, body) is { } problem)
            {
                failures.Enqueue($"{fuzz.Kind} -> {status} {problem}: {fuzz.Preview}");
            }
        });

        output.WriteLine($"{corpus.Count} bodies in {clock.Elapsed.TotalSeconds:F1} s; statuses {string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}: {s.Value}"))}");
        foreach (var failure in failures.Take(30))
        {
            output.WriteLine(failure);
        }

        failures.Should().BeEmpty("every body must be refused with a 4xx and a reason or answered with a reply (see the output)");
        corpus.Count.Should().BeGreaterThanOrEqualTo(10_000);
        statuses.GetValueOrDefault(200).Should().Be(corpus.Count(c => c.Answered));
        _host.HasExited.Should().BeFalse();
        (await http.GetAsync("/health")).IsSuccessStatusCode.Should().BeTrue();
        _host.Log.Should().NotContain("fail: ").And.NotContain("crit: ").And.NotContain("turn_failed");
    }

    private static async Task<(int Status, string Body)> SendAsync(HttpClient http, WebhookFuzzCase fuzz, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/manychat") { Content = new ByteArrayContent(fuzz.Body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        if (fuzz.Token is not null)
        {
            request.Headers.TryAddWithoutValidation("X-ManyChat-Token", fuzz.Token);
        }

        try
        {
            using var response = await http.SendAsync(request, cancellationToken);
            return ((int)response.StatusCode, await response.Content.ReadAsStringAsync(cancellationToken));
        }
        catch (HttpRequestException ex)
        {
            return (0, $"transport error: {ex.Message} {ex.InnerException?.GetType().Name}: {ex.InnerException?.Message} {ex.InnerException?.InnerException?.Message}");
        }
    }

    private static string? Check(WebhookFuzzCase fuzz, int status, string body)
    {
        if (status is 0 or >= 500)
        {
            return $"server error or dropped connection ({body})";
        }

        try
        {
            using var json = JsonDocument.Parse(body);
            var root = json.RootElement;
            if (!fuzz.Answered)
            {
                return status is >= 400 and < 500
                    && root.TryGetProperty("error", out var error) && error.GetString() is { Length: > 10 }
                    ? null
                    : $"a hostile body must be refused with a 4xx and a reason, got {body}";
            }

            if (status != 200)
            {
                return $"a valid body must be answered, got {body}";
            }

            var content = root.GetProperty("content");
            var messages = content.GetProperty("messages").EnumerateArray().ToList();
            var ok = root.GetProperty("version").GetString() == "v2"
                && content.GetProperty("type").GetString() == "instagram"
                && messages.Count is >= 1 and <= 10
                && messages.All(m => m.GetProperty("type").GetString() != "text" || m.GetProperty("text").GetString() is { Length: > 0 });
            return ok ? null : $"not a Dynamic Block v2 reply with 1-10 messages: {body}";
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return $"unreadable answer ({ex.GetType().Name}): {body[..Math.Min(body.Length, 200)]}";
        }
    }
}
