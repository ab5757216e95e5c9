using System.Net.Http.Json;
using System.Text.Json;
using Mirt.Host.Tests.Metrics;
using Mirt.Testing.ManyChat;

namespace Mirt.Host.Tests.Delivery;

/// <summary>
/// Runs real host processes against the strict ManyChat stand-in: sends webhooks the way ManyChat does (registering
/// the customer's message with the stand-in, so its 24 h window is open), and reads answers, pushes and metrics.
/// </summary>
internal sealed class DeliveryTestBed : IAsyncDisposable
{
    private readonly List<HostProcess> _hosts = [];
    private readonly string _dataDir = Path.Combine(Path.GetTempPath(), $"mirt-delivery-{Environment.ProcessId}-{Guid.NewGuid():N}");

    private DeliveryTestBed(ManyChatStandIn manyChat) => ManyChat = manyChat;

    /// <summary>Gets the ManyChat API stand-in every host pushes to.</summary>
    public ManyChatStandIn ManyChat { get; }

    /// <summary>Gets the embedded store's directory (shared by restarts of the same host).</summary>
    public string DataDir => _dataDir;

    public static DeliveryTestBed Create()
    {
        var manyChat = ManyChatStandIn.Start();
        manyChat.DefineTag("needs_human");
        manyChat.DefineField("mirt_state", ManyChatFieldType.Text);
        manyChat.DefineField("mirt_intent", ManyChatFieldType.Text);
        return new DeliveryTestBed(manyChat);
    }

    /// <summary>Starts a host in hybrid mode with push to the stand-in; <paramref name="environment"/> overrides.</summary>
    public async Task<HostProcess> StartHostAsync(IReadOnlyDictionary<string, string>? environment = null)
    {
        var settings = new Dictionary<string, string>
        {
            ["MIRT_REPLY_MODE"] = "hybrid",
            ["MIRT_MANYCHAT_API_KEY"] = ManyChat.ApiKey,
            ["MIRT_MANYCHAT_API_URL"] = ManyChat.ApiUrl.ToString(),
            ["MIRT_DELIVERY_POLL_MS"] = "100",
            ["MIRT_TYPING_MS_PER_CHAR"] = "0",
            ["MIRT_FOLLOWUP_STATES"] = "none",
        };
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            settings[key] = value;
        }

        var host = await HostProcess.StartAsync(_dataDir, environment: settings);
        _hosts.Add(host);
        return host;
    }

    /// <summary>Sends one customer message to a host and reads the Dynamic Block answer.</summary>
    public async Task<WebhookAnswer> SendAsync(HostProcess host, long subscriber, string text)
    {
        ManyChat.SetLastInbound(subscriber, DateTimeOffset.UtcNow);
        var started = DateTimeOffset.UtcNow;
        var (status, body) = await WebhookClient.PostAsync(host.Address, WebhookClient.Message(subscriber.ToString(System.Globalization.CultureInfo.InvariantCulture), text));
        return new WebhookAnswer(text, status, status == 200 ? WebhookClient.Texts(body) : [], DateTimeOffset.UtcNow - started);
    }

    /// <summary>Reads a host's metrics.</summary>
    public static async Task<ScrapedMetrics> MetricsAsync(HostProcess host)
    {
        using var http = new HttpClient { BaseAddress = host.Address };
        return ScrapedMetrics.Parse(await http.GetStringAsync("/metrics"));
    }

    /// <summary>Reads a host's readiness body and status.</summary>
    public static async Task<(int Status, JsonElement Body)> ReadyAsync(HostProcess host)
    {
        using var http = new HttpClient { BaseAddress = host.Address };
        using var response = await http.GetAsync("/health/ready");
        return ((int)response.StatusCode, (await response.Content.ReadFromJsonAsync<JsonElement>()));
    }

    /// <summary>Gets the texts pushed to a subscriber, in order.</summary>
    public IReadOnlyList<string> PushedTo(long subscriber) =>
        [.. ManyChat.Sent.Where(s => s.SubscriberId == subscriber).SelectMany(s => s.Texts)];

    /// <summary>Waits until <paramref name="condition"/> holds or <paramref name="timeout"/> passes.</summary>
    public static async Task<bool> EventuallyAsync(Func<bool> condition, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                return false;
            }

            await Task.Delay(100);
        }

        return true;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var host in _hosts)
        {
            await host.DisposeAsync();
        }

        await ManyChat.DisposeAsync();
        if (Directory.Exists(_dataDir))
        {
            Directory.Delete(_dataDir, recursive: true);
        }
    }
}
