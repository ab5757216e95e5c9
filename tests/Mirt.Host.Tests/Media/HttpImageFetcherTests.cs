using System.Diagnostics;
using System.Net;
using Mirt.Host.Media;
using Mirt.Nodes.Abstractions.Media;
using Mirt.Testing.Diagnostics;

namespace Mirt.Host.Tests.Media;

public sealed class HttpImageFetcherTests : IAsyncDisposable
{
    private readonly LocalImageServer _server = LocalImageServer.Start();

    // Loopback is refused by the SSRF guard; these options let the fetcher reach the test server, and only it.
    private MediaFetchOptions Local(long maxBytes = 5 * 1024 * 1024, int timeoutMs = 10_000) => new()
    {
        AllowedHosts = ["127.0.0.1"],
        RequireHttps = false,
        IsAddressAllowed = address => IPAddress.IsLoopback(address),
        MaxBytes = maxBytes,
        Timeout = TimeSpan.FromMilliseconds(timeoutMs),
    };

    [Fact]
    public async Task FetchAsync_AllowedHostServingAJpeg_ReturnsItsBytesAndType()
    {
        using var fetcher = new HttpImageFetcher(Local());

        var result = await fetcher.FetchAsync(_server.Url());

        result.Failure.Should().BeNull();
        result.MediaType.Should().Be("image/jpeg");
        result.Bytes.ToArray().Should().Equal(LocalImageServer.Jpeg(100));
    }

    [Fact]
    public async Task FetchAsync_PngLabelledAsJpeg_ReportsTheTypeTheBytesShow()
    {
        _server.OnRequest = (c, t) => LocalImageServer.ServeAsync(c, "image/jpeg", LocalImageServer.Png(64), t);
        using var fetcher = new HttpImageFetcher(Local());

        var result = await fetcher.FetchAsync(_server.Url());

        result.MediaType.Should().Be("image/png");
    }

    [Theory]
    [InlineData("image/webp", new byte[] { (byte)'R', (byte)'I', (byte)'F', (byte)'F', 1, 2, 3, 4, (byte)'W', (byte)'E', (byte)'B', (byte)'P', 0 }, "image/webp")]
    [InlineData("image/gif", new byte[] { (byte)'G', (byte)'I', (byte)'F', (byte)'8', (byte)'9', (byte)'a', 1, 0 }, "image/gif")]
    public async Task FetchAsync_OtherSupportedFormats_AreAccepted(string contentType, byte[] body, string expected)
    {
        _server.OnRequest = (c, t) => LocalImageServer.ServeAsync(c, contentType, body, t);
        using var fetcher = new HttpImageFetcher(Local());

        var result = await fetcher.FetchAsync(_server.Url());

        result.MediaType.Should().Be(expected);
    }

    [Theory]
    [InlineData("text/html", "jpeg")] // declared type is not an image
    [InlineData("image/svg+xml", "jpeg")] // an image type the model is not given
    [InlineData(null, "jpeg")] // no declared type
    [InlineData("image/jpeg", "html")] // declared an image, the bytes are an error page
    [InlineData("image/jpeg", "empty")]
    public async Task FetchAsync_NotASupportedImage_IsRefused(string? contentType, string body)
    {
        var bytes = body switch
        {
            "jpeg" => LocalImageServer.Jpeg(50),
            "html" => "<html><body>Not found</body></html>"u8.ToArray(),
            _ => [],
        };
        _server.OnRequest = (c, t) => LocalImageServer.ServeAsync(c, contentType, bytes, t);
        using var fetcher = new HttpImageFetcher(Local());

        var result = await fetcher.FetchAsync(_server.Url());

        result.Failure.Should().Be(ImageFetchFailure.UnsupportedMediaType);
        result.Bytes.IsEmpty.Should().BeTrue();
    }

    [Fact]
    public async Task FetchAsync_DeclaredLengthOverTheCap_IsRefusedAsTooLarge()
    {
        _server.OnRequest = (c, t) => LocalImageServer.ServeAsync(c, "image/jpeg", LocalImageServer.Jpeg(5_000), t);
        using var fetcher = new HttpImageFetcher(Local(maxBytes: 1_000));

        var result = await fetcher.FetchAsync(_server.Url());

        result.Failure.Should().Be(ImageFetchFailure.TooLarge);
    }

    [Fact]
    public async Task FetchAsync_EndlessBodyWithoutALength_StopsReadingAtTheCap()
    {
        _server.OnRequest = async (c, t) =>
        {
            c.Response.ContentType = "image/jpeg";
            c.Response.SendChunked = true;
            var chunk = LocalImageServer.Jpeg(16 * 1024);
            while (!t.IsCancellationRequested)
            {
                await c.Response.OutputStream.WriteAsync(chunk, t);
            }
        };
        using var fetcher = new HttpImageFetcher(Local(maxBytes: 100_000, timeoutMs: 20_000));
        var clock = Stopwatch.StartNew();

        var result = await fetcher.FetchAsync(_server.Url());

        result.Failure.Should().Be(ImageFetchFailure.TooLarge, "the cap is hit long before the 20 s timeout");
        clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(15));
    }

    [Fact]
    public async Task FetchAsync_BodyExactlyAtTheCap_IsAccepted()
    {
        _server.OnRequest = (c, t) => LocalImageServer.ServeAsync(c, "image/jpeg", LocalImageServer.Jpeg(1_000), t);
        using var fetcher = new HttpImageFetcher(Local(maxBytes: 1_000));

        var result = await fetcher.FetchAsync(_server.Url());

        result.Bytes.Length.Should().Be(1_000);
    }

    [Fact]
    public async Task FetchAsync_SlowServer_GivesUpAtTheTimeout()
    {
        _server.OnRequest = async (c, t) =>
        {
            await Task.Delay(TimeSpan.FromSeconds(30), t);
            await LocalImageServer.ServeAsync(c, "image/jpeg", LocalImageServer.Jpeg(10), t);
        };
        using var fetcher = new HttpImageFetcher(Local(timeoutMs: 300));
        var clock = Stopwatch.StartNew();

        var result = await fetcher.FetchAsync(_server.Url());

        result.Failure.Should().Be(ImageFetchFailure.Timeout);
        clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(20));
    }

    [Fact]
    public async Task FetchAsync_CallerCancels_Throws()
    {
        var started = new TaskCompletionSource();
        _server.OnRequest = async (c, t) =>
        {
            started.TrySetResult();
            await Task.Delay(TimeSpan.FromSeconds(30), t);
        };
        using var fetcher = new HttpImageFetcher(Local());
        using var cancel = new CancellationTokenSource();

        var fetch = fetcher.FetchAsync(_server.Url(), cancel.Token);
        await started.Task.WaitAsync(TimeSpan.FromSeconds(20));
        await cancel.CancelAsync();

        await fetch.Invoking(f => f.WaitAsync(TimeSpan.FromSeconds(20))).Should().ThrowAsync<OperationCanceledException>();
    }

    [Theory]
    [InlineData(HttpStatusCode.NotFound)]
    [InlineData(HttpStatusCode.Forbidden)]
    [InlineData(HttpStatusCode.InternalServerError)]
    public async Task FetchAsync_ErrorStatus_IsAnHttpError(HttpStatusCode status)
    {
        _server.OnRequest = (c, _) =>
        {
            c.Response.StatusCode = (int)status;
            c.Response.Close();
            return Task.CompletedTask;
        };
        using var fetcher = new HttpImageFetcher(Local());

        var result = await fetcher.FetchAsync(_server.Url());

        result.Failure.Should().Be(ImageFetchFailure.HttpError);
    }

    [Fact]
    public async Task FetchAsync_RedirectToAnAllowedHost_IsFollowed()
    {
        _server.OnRequest = (c, t) => c.Request.Url!.AbsolutePath == "/moved"
            ? Redirect(c, "/photo.jpg")
            : LocalImageServer.ServeAsync(c, "image/jpeg", LocalImageServer.Jpeg(40), t);
        using var fetcher = new HttpImageFetcher(Local());

        var result = await fetcher.FetchAsync(_server.Url("/moved"));

        result.Bytes.Length.Should().Be(40);
        _server.Paths.Should().Equal("/moved", "/photo.jpg");
    }

    [Fact]
    public async Task FetchAsync_RedirectToAnotherHost_IsRefusedBeforeFollowing()
    {
        _server.OnRequest = (c, _) => Redirect(c, "http://169.254.169.254/latest/meta-data/");
        using var fetcher = new HttpImageFetcher(Local());

        var result = await fetcher.FetchAsync(_server.Url("/moved"));

        result.Failure.Should().Be(ImageFetchFailure.HostNotAllowed);
        _server.Paths.Should().ContainSingle();
    }

    [Fact]
    public async Task FetchAsync_EndlessRedirects_StopAfterTheLimit()
    {
        _server.OnRequest = (c, _) => Redirect(c, "/again");
        using var fetcher = new HttpImageFetcher(Local());

        var result = await fetcher.FetchAsync(_server.Url("/again"));

        result.Failure.Should().Be(ImageFetchFailure.HttpError);
        _server.Paths.Should().HaveCount(new MediaFetchOptions().MaxRedirects + 1);
    }

    [Fact]
    public async Task FetchAsync_LoopbackWithTheDefaultAddressCheck_IsRefusedWithoutConnecting()
    {
        // The host name is allowed, but it resolves to loopback: the SSRF guard refuses before any request is sent.
        using var fetcher = new HttpImageFetcher(new MediaFetchOptions { AllowedHosts = ["127.0.0.1", "localhost"], RequireHttps = false });

        var byAddress = await fetcher.FetchAsync(_server.Url());
        var byName = await fetcher.FetchAsync(new Uri($"http://localhost:{_server.Port}/photo.jpg"));

        byAddress.Failure.Should().Be(ImageFetchFailure.AddressNotAllowed);
        byName.Failure.Should().Be(ImageFetchFailure.AddressNotAllowed);
        _server.Paths.Should().BeEmpty();
    }

    [Theory]
    [InlineData("https://fbcdn.net.attacker.example/p.jpg")]
    [InlineData("https://evilfbcdn.net/p.jpg")]
    [InlineData("https://lookaside.fbsbx.com.attacker.example/p.jpg")]
    [InlineData("https://169.254.169.254/latest/meta-data/")]
    [InlineData("https://10.0.0.5/p.jpg")]
    public async Task FetchAsync_HostOffTheDefaultList_IsRefusedBeforeAnyLookup(string url)
    {
        using var fetcher = new HttpImageFetcher();

        var result = await fetcher.FetchAsync(new Uri(url));

        result.Failure.Should().Be(ImageFetchFailure.HostNotAllowed);
    }

    [Theory]
    [InlineData("http://lookaside.fbsbx.com/p.jpg")] // plain HTTP
    [InlineData("ftp://lookaside.fbsbx.com/p.jpg")]
    [InlineData("https://user:secret@lookaside.fbsbx.com/p.jpg")]
    public async Task FetchAsync_UrlTheFetcherWillNotUse_IsInvalid(string url)
    {
        using var fetcher = new HttpImageFetcher();

        var result = await fetcher.FetchAsync(new Uri(url));

        result.Failure.Should().Be(ImageFetchFailure.InvalidUrl);
    }

    [Fact]
    public async Task FetchAsync_AnyOutcome_NeverLogsTheUrl()
    {
        var logs = new CapturingLogger();
        using var fetcher = new HttpImageFetcher(Local(), logs);

        await fetcher.FetchAsync(_server.Url("/photo.jpg?asset_id=secret-asset"));
        await fetcher.FetchAsync(new Uri("https://secret-asset.example/p.jpg"));

        logs.Named("media_fetched").Should().ContainSingle();
        logs.Named("media_fetch_failed").Should().ContainSingle().Which.Values["Reason"].Should().Be("HostNotAllowed");
        logs.Entries.Should().NotContain(e => e.Message.Contains("secret-asset", StringComparison.Ordinal) || e.Message.Contains("127.0.0.1", StringComparison.Ordinal));
    }

    [Fact]
    public void Constructor_NoAllowedHost_Throws()
    {
        var create = () => new HttpImageFetcher(new MediaFetchOptions { AllowedHosts = [] });

        create.Should().Throw<ArgumentException>().WithMessage("*AllowedHosts*");
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    private static Task Redirect(HttpListenerContext context, string location)
    {
        context.Response.StatusCode = (int)HttpStatusCode.Found;
        context.Response.RedirectLocation = location;
        context.Response.Close();
        return Task.CompletedTask;
    }
}
