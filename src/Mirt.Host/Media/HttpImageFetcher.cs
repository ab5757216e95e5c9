using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using Mirt.Nodes.Abstractions.Media;

namespace Mirt.Host.Media;

/// <summary>
/// Downloads customers' photos server-side for the vision model (see MANYCHAT.md, Photos): https only, allowed media
/// hosts only (redirect targets too), every resolved address checked before connecting (no private, loopback or
/// link-local targets), the declared type and the leading bytes must both be JPEG, PNG, WebP or GIF, the body is
/// streamed and abandoned at <see cref="MediaFetchOptions.MaxBytes"/>, and the whole download has a timeout.
/// </summary>
/// <remarks>Thread-safe; one instance serves the process (it owns its connection pool). Never logs the URL or host.
/// No proxy is used: a proxy would resolve the host itself, out of reach of the address check.</remarks>
public sealed partial class HttpImageFetcher : IImageFetcher, IDisposable
{
    private static readonly HashSet<HttpStatusCode> Redirects =
        [HttpStatusCode.MovedPermanently, HttpStatusCode.Found, HttpStatusCode.SeeOther, HttpStatusCode.TemporaryRedirect, HttpStatusCode.PermanentRedirect];

    private readonly MediaFetchOptions _options;
    private readonly MediaHosts _hosts;
    private readonly Func<IPAddress, bool> _isAddressAllowed;
    private readonly HttpClient _client;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;

    /// <summary>Creates the fetcher.</summary>
    /// <param name="options">The settings; <see langword="null"/> for the defaults.</param>
    /// <param name="logger">Receives one line per download (size, type, duration or failure reason); <see langword="null"/> for none.</param>
    /// <param name="time">The clock that drives the timeout; <see langword="null"/> for <see cref="TimeProvider.System"/>.</param>
    /// <exception cref="ArgumentException">A setting is invalid (see <see cref="MediaFetchOptions"/>).</exception>
    /// <exception cref="ArgumentOutOfRangeException">A limit is out of range (see <see cref="MediaFetchOptions"/>).</exception>
    public HttpImageFetcher(MediaFetchOptions? options = null, ILogger? logger = null, TimeProvider? time = null)
    {
        options ??= new MediaFetchOptions();
        options.Validate();
        _options = options;
        _hosts = new MediaHosts(options.AllowedHosts);
        _isAddressAllowed = options.IsAddressAllowed ?? PublicAddress.IsPublic;
        _logger = logger ?? NullLogger.Instance;
        _time = time ?? TimeProvider.System;
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseProxy = false,
            UseCookies = false,
            AutomaticDecompression = DecompressionMethods.None,
            ConnectTimeout = options.Timeout,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            ConnectCallback = ConnectAsync,
        };
        _client = new HttpClient(handler) { Timeout = System.Threading.Timeout.InfiniteTimeSpan };
    }

    /// <inheritdoc />
    public async Task<ImageFetchResult> FetchAsync(Uri url, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(url);
        var started = _time.GetTimestamp();
        var result = await FetchCoreAsync(url, cancellationToken).ConfigureAwait(false);
        var ms = Math.Round(_time.GetElapsedTime(started).TotalMilliseconds, 1);
        if (result.Succeeded)
        {
            MediaLog.Fetched(_logger, result.Bytes.Length, result.MediaType!, ms);
        }
        else
        {
            MediaLog.Failed(_logger, result.Failure!.Value.ToString(), ms);
        }

        return result;
    }

    /// <inheritdoc />
    public void Dispose() => _client.Dispose();

    private async Task<ImageFetchResult> FetchCoreAsync(Uri url, CancellationToken cancellationToken)
    {
        if (Refusal(url) is { } refused)
        {
            return ImageFetchResult.Fail(refused);
        }

        using var timeout = new CancellationTokenSource(_options.Timeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            return await DownloadAsync(url, linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return ImageFetchResult.Fail(ImageFetchFailure.Timeout);
        }
        catch (HttpRequestException ex) when (!cancellationToken.IsCancellationRequested)
        {
            return ImageFetchResult.Fail(IsAddressRefusal(ex) ? ImageFetchFailure.AddressNotAllowed : ImageFetchFailure.NetworkError);
        }
        catch (IOException) when (!cancellationToken.IsCancellationRequested)
        {
            return ImageFetchResult.Fail(ImageFetchFailure.NetworkError);
        }
    }

    private ImageFetchFailure? Refusal(Uri url)
    {
        if (!url.IsAbsoluteUri || !(url.Scheme == Uri.UriSchemeHttps || (!_options.RequireHttps && url.Scheme == Uri.UriSchemeHttp)) || url.UserInfo.Length > 0)
        {
            return ImageFetchFailure.InvalidUrl;
        }

        return _hosts.Allows(url.IdnHost) ? null : ImageFetchFailure.HostNotAllowed;
    }

    private static bool IsAddressRefusal(Exception ex)
    {
        for (var inner = ex; inner is not null; inner = inner.InnerException)
        {
            if (inner is AddressRefusedException)
            {
                return true;
            }
        }

        return false;
    }
}
