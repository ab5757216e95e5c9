using System.Net;

namespace Mirt.Host.Media;

/// <summary>
/// Configures <see cref="HttpImageFetcher"/>: which hosts it may reach, how much it may download and for how long.
/// </summary>
public sealed class MediaFetchOptions
{
    /// <summary>Gets the hosts photos may be downloaded from: an exact host name, or <c>*.</c> and a domain for any of
    /// its subdomains. Instagram media URLs that ManyChat hands over live on these hosts (see MANYCHAT.md, Photos).</summary>
    /// <value>The default is <c>lookaside.fbsbx.com</c>, <c>*.fbcdn.net</c> and <c>*.cdninstagram.com</c>.</value>
    public IReadOnlyList<string> AllowedHosts { get; init; } = ["lookaside.fbsbx.com", "*.fbcdn.net", "*.cdninstagram.com"];

    /// <summary>Gets the largest image downloaded, in bytes; a larger one is refused as soon as the declared length or
    /// the bytes read exceed it.</summary>
    /// <value>The default is 5 MiB (5,242,880 bytes).</value>
    public long MaxBytes { get; init; } = 5 * 1024 * 1024;

    /// <summary>Gets how long one download may take, connecting and redirects included. The ManyChat block allows
    /// about 8 s for the whole turn, and the vision model needs most of it.</summary>
    /// <value>The default is 3 seconds.</value>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>Gets how many redirects are followed; each target must be an allowed host again.</summary>
    /// <value>The default is 3.</value>
    public int MaxRedirects { get; init; } = 3;

    /// <summary>Gets a value indicating whether only <c>https</c> URLs are fetched.</summary>
    /// <value>The default is <see langword="true"/>; tests against a plain-HTTP local server turn it off.</value>
    public bool RequireHttps { get; init; } = true;

    /// <summary>
    /// Gets the check every address a media host resolves to must pass before a connection is opened (the SSRF guard:
    /// a host that resolves to any refused address is not contacted). <see langword="null"/> uses
    /// <see cref="PublicAddress.IsPublic"/>, which refuses loopback, private, link-local, shared, multicast and other
    /// non-public ranges.
    /// </summary>
    /// <value>The default is <see langword="null"/> (<see cref="PublicAddress.IsPublic"/>). Replace it only in tests that
    /// serve images from a loopback server; production must keep the default.</value>
    public Func<IPAddress, bool>? IsAddressAllowed { get; init; }

    /// <summary>Checks every setting.</summary>
    /// <exception cref="ArgumentException"><see cref="AllowedHosts"/> is empty or holds a blank or malformed pattern.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><see cref="MaxBytes"/> or <see cref="Timeout"/> is not positive, or
    /// <see cref="MaxRedirects"/> is negative.</exception>
    internal void Validate()
    {
        ArgumentNullException.ThrowIfNull(AllowedHosts, nameof(AllowedHosts));
        if (AllowedHosts.Count == 0 || AllowedHosts.Any(h => string.IsNullOrWhiteSpace(h) || h.Trim() == "*." || (h.Contains('*', StringComparison.Ordinal) && !h.StartsWith("*.", StringComparison.Ordinal))))
        {
            throw new ArgumentException("MediaFetchOptions.AllowedHosts needs at least one host: an exact name such as lookaside.fbsbx.com, or *. and a domain such as *.fbcdn.net.", nameof(AllowedHosts));
        }

        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MaxBytes, nameof(MaxBytes));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(Timeout, TimeSpan.Zero, nameof(Timeout));
        ArgumentOutOfRangeException.ThrowIfNegative(MaxRedirects, nameof(MaxRedirects));
    }
}
