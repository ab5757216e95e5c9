using Mirt.Host.ManyChat;
using Mirt.Host.Web;
using Mirt.Testing.Diagnostics;
using Mirt.Testing.ManyChat;

namespace Mirt.Host.Tests.ManyChat;

/// <summary>A stand-in, a client pointed at it with the stand-in's key, and a log that keeps everything.</summary>
internal sealed class ManyChatTestBed : IAsyncDisposable
{
    public const long Subscriber = 987654321;
    public const string SendPath = "/fb/sending/sendContent";

    public ManyChatTestBed(Func<ManyChatClientOptions, ManyChatClientOptions>? configure = null)
    {
        StandIn = ManyChatStandIn.Start(apiKey: "1122334455:s3cr3t-ManyChat-key");
        StandIn.SetLastInbound(Subscriber, DateTimeOffset.UtcNow);
        var options = new ManyChatClientOptions { ApiKey = StandIn.ApiKey, ApiUrl = StandIn.ApiUrl };
        Client = new ManyChatClient(configure?.Invoke(options) ?? options, Log);
    }

    public ManyChatStandIn StandIn { get; }

    public CapturingLogger Log { get; } = new();

    public ManyChatClient Client { get; }

    public static string Id => Subscriber.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static DynamicBlockContent Text(params string[] texts) =>
        new("instagram", [.. texts.Select(t => new DynamicBlockMessage("text", t))]);

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await StandIn.DisposeAsync();
    }
}
