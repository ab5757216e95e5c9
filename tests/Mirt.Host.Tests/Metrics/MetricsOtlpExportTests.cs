using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace Mirt.Host.Tests.Metrics;

/// <summary>
/// With <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> set, the host also pushes metrics and spans over OTLP; a loopback listener
/// stands in for the collector.
/// </summary>
public sealed class MetricsOtlpExportTests : IAsyncLifetime
{
    private readonly string _dataDir = Directory.CreateTempSubdirectory("mirt-otlp-").FullName;
    private readonly HttpListener _collector = new();
    private readonly ConcurrentQueue<(string Path, string ContentType, long Bytes)> _received = new();
    private readonly int _port = FreePort();
    private Task _serving = Task.CompletedTask;

    public Task InitializeAsync()
    {
        _collector.Prefixes.Add($"http://127.0.0.1:{_port}/");
        _collector.Start();
        _serving = ServeAsync();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        _collector.Stop();
        _collector.Close();
        await _serving;
        Directory.Delete(_dataDir, recursive: true);
    }

    [Fact]
    public async Task OtlpEndpointSet_MetricsAndSpansArePushedAsProtobuf()
    {
        await using var host = await HostProcess.StartAsync(_dataDir, environment: new Dictionary<string, string>
        {
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = $"http://127.0.0.1:{_port}",
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
            ["OTEL_METRIC_EXPORT_INTERVAL"] = "300",
            ["OTEL_BSP_SCHEDULE_DELAY"] = "200",
        });

        (await WebhookClient.PostAsync(host.Address, WebhookClient.Message("otlp-1", "Шукаю сукню"))).Status.Should().Be(200);
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < deadline && !(Got("/v1/metrics") && Got("/v1/traces")))
        {
            await Task.Delay(100);
        }

        _received.Should().Contain(r => r.Path == "/v1/metrics" && r.ContentType == "application/x-protobuf" && r.Bytes > 0, host.Log);
        _received.Should().Contain(r => r.Path == "/v1/traces" && r.ContentType == "application/x-protobuf" && r.Bytes > 0, host.Log);
    }

    private bool Got(string path) => _received.Any(r => r.Path == path && r.Bytes > 0);

    private async Task ServeAsync()
    {
        while (_collector.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _collector.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException)
            {
                return;
            }

            using var body = new MemoryStream();
            await context.Request.InputStream.CopyToAsync(body);
            _received.Enqueue((context.Request.Url!.AbsolutePath, context.Request.ContentType ?? string.Empty, body.Length));
            context.Response.StatusCode = 200;
            context.Response.ContentType = "application/x-protobuf";
            context.Response.Close();
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
