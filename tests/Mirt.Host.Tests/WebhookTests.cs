using System.Diagnostics;
using System.Text;
using System.Text.Json;

namespace Mirt.Host.Tests;

public sealed class WebhookTests : IAsyncLifetime
{
    private static readonly string[] Purchase =
    [
        "Добрий день! Шукаю сукню для доньки",
        "Зріст 118 см",
        "рожевий",
        "Так, оформлюємо",
        "Коваленко Марія Іванівна, 067 123 45 67",
        "Львів, відділення нової пошти 25",
        "Передплата 200 грн",
    ];

    private readonly string _dataDir = Directory.CreateTempSubdirectory("mirt-host-").FullName;
    private HostProcess _host = null!;

    // These tests compare the webhook's bubbles one by one with the CLI's, so the host answers them unfolded.
    private static readonly Dictionary<string, string> Separate = new() { ["MIRT_INLINE_BUBBLES"] = "separate" };

    public async Task InitializeAsync() => _host = await HostProcess.StartAsync(_dataDir, environment: Separate);

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        Directory.Delete(_dataDir, recursive: true);
    }

    [Fact]
    public async Task Post_Purchase_AnswersValidV2SameAsCli()
    {
        var webReplies = new List<IReadOnlyList<string>>();
        foreach (var text in Purchase)
        {
            var (status, body) = await WebhookClient.PostAsync(_host.Address, WebhookClient.Message("web-1", text));
            status.Should().Be(200);
            body.RootElement.GetProperty("version").GetString().Should().Be("v2");
            body.RootElement.GetProperty("content").GetProperty("type").GetString().Should().Be("instagram");
            var texts = WebhookClient.Texts(body);
            texts.Should().NotBeEmpty().And.HaveCountLessThanOrEqualTo(10);
            texts.Should().OnlyContain(t => Encoding.UTF8.GetByteCount(t) <= 1000);
            webReplies.Add(texts);
        }

        var cliReplies = await RunCliAsync("cli-1", Purchase);

        webReplies.Should().BeEquivalentTo(cliReplies, o => o.WithStrictOrdering());
    }

    [Fact]
    public async Task Post_HostKilledBetweenMessages_ContinuesAfterRestart()
    {
        await WebhookClient.PostAsync(_host.Address, WebhookClient.Message("kill-1", "Шукаю сукню"));
        await WebhookClient.PostAsync(_host.Address, WebhookClient.Message("kill-1", "зріст 118"));
        await _host.KillAsync();

        _host = await HostProcess.StartAsync(_dataDir, environment: Separate);
        var (status, body) = await WebhookClient.PostAsync(_host.Address, WebhookClient.Message("kill-1", "рожевий"));

        status.Should().Be(200);
        string.Join("\n", WebhookClient.Texts(body)).Should().Contain("110-116").And.Contain("2 050");
    }

    [Theory]
    [InlineData("not json", "not valid JSON")]
    [InlineData("[1,2]", "JSON object")]
    [InlineData("{\"last_input_text\":\"hi\"}", "subscriber_id")]
    [InlineData("{\"subscriber_id\":\"{{contact.id}}\",\"last_input_text\":\"hi\"}", "subscriber_id")]
    [InlineData("{\"subscriber_id\":\"1\",\"last_input_text\":\"{{last_input_text}}\"}", "no message")]
    [InlineData("{\"subscriber_id\":\"1\",\"last_input_text\":42}", "last_input_text must be a string")]
    public async Task Post_MalformedBody_Is400WithReason(string body, string reason)
    {
        using var http = new HttpClient { BaseAddress = _host.Address };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/manychat") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-ManyChat-Token", "test-secret");

        using var response = await http.SendAsync(request);

        ((int)response.StatusCode).Should().Be(400);
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        json.RootElement.GetProperty("error").GetString().Should().Contain(reason);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Post_BodyOverTheCap_Is413WithReasonAndClosesTheConnection(bool chunked)
    {
        var body = Encoding.UTF8.GetBytes("{\"subscriber_id\":\"big-1\",\"last_input_text\":\"" + new string('a', 100_000) + "\"}");
        using var http = new HttpClient { BaseAddress = _host.Address };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/manychat") { Content = new StreamContent(new MemoryStream(body)) };
        request.Headers.Add("X-ManyChat-Token", "test-secret");
        request.Headers.TransferEncodingChunked = chunked;

        using var response = await http.SendAsync(request);

        ((int)response.StatusCode).Should().Be(413);
        response.Headers.ConnectionClose.Should().BeTrue();
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("error").GetString().Should().Contain("larger than 65536 bytes");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("wrong")]
    public async Task Post_WithoutRightToken_Is401(string? token)
    {
        var (status, _) = await WebhookClient.PostAsync(_host.Address, WebhookClient.Message("x", "Привіт"), token);

        status.Should().Be(401);
    }

    [Fact]
    public async Task Post_MediaUrlAsText_IsTreatedAsPhoto()
    {
        var (status, body) = await WebhookClient.PostAsync(_host.Address, WebhookClient.Message("photo-1", "https://lookaside.fbsbx.com/ig_messaging_cdn/?asset_id=1"));

        status.Should().Be(200);
        WebhookClient.Texts(body).Should().NotBeEmpty();
    }

    [Fact]
    public async Task GetHealthReady_ReportsStoreTemplatesCatalogAndDegradedMode()
    {
        using var http = new HttpClient { BaseAddress = _host.Address };

        var live = await http.GetAsync("/health");
        var ready = JsonDocument.Parse(await http.GetStringAsync("/health/ready")).RootElement;

        live.IsSuccessStatusCode.Should().BeTrue();
        ready.GetProperty("status").GetString().Should().Be("ready");
        ready.GetProperty("store").GetProperty("kind").GetString().Should().Be("sqlite");
        ready.GetProperty("catalog").GetProperty("products").GetInt32().Should().Be(9);
        ready.GetProperty("llm").GetProperty("degraded").GetBoolean().Should().BeTrue();
    }

    private async Task<List<IReadOnlyList<string>>> RunCliAsync(string thread, IEnumerable<string> texts)
    {
        var dir = Directory.CreateTempSubdirectory("mirt-cli-").FullName;
        try
        {
            using var process = Process.Start(HostProcess.StartInfo(dir, "chat", "--jsonl"))!;
            var stderr = process.StandardError.ReadToEndAsync();
            foreach (var text in texts)
            {
                await process.StandardInput.WriteLineAsync(JsonSerializer.Serialize(new { thread, text }));
            }

            process.StandardInput.Close();
            var lines = (await process.StandardOutput.ReadToEndAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
            await process.WaitForExitAsync();
            process.ExitCode.Should().Be(0, await stderr);
            return [.. lines.Select(l => (IReadOnlyList<string>)[.. JsonDocument.Parse(l).RootElement.GetProperty("replies").EnumerateArray().Select(r => r.GetString()!)])];
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
