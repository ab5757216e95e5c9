namespace Mirt.Nodes.Abstractions.Media;

/// <summary>
/// Names why an image could not be fetched; stable, so logs and tests can rely on it.
/// </summary>
public enum ImageFetchFailure
{
    /// <summary>The URL is not an absolute http(s) URL, or uses a scheme the fetcher refuses.</summary>
    InvalidUrl = 1,

    /// <summary>The URL's host is not on the list of allowed media hosts.</summary>
    HostNotAllowed,

    /// <summary>The host resolves only to addresses the fetcher must not reach (private, loopback, link-local…).</summary>
    AddressNotAllowed,

    /// <summary>The image is larger than the size cap.</summary>
    TooLarge,

    /// <summary>The response is not a supported image (declared type or leading bytes are not JPEG, PNG, WebP or GIF).</summary>
    UnsupportedMediaType,

    /// <summary>The download did not finish within the fetcher's timeout.</summary>
    Timeout,

    /// <summary>The server answered with a non-success HTTP status or too many redirects.</summary>
    HttpError,

    /// <summary>The connection failed (DNS, TCP, TLS).</summary>
    NetworkError,
}
