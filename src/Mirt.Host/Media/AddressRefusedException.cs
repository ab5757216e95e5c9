namespace Mirt.Host.Media;

/// <summary>
/// Signals, from inside the connection callback, that a media host resolved to an address the SSRF guard refuses;
/// <see cref="HttpImageFetcher"/> turns it into <c>ImageFetchFailure.AddressNotAllowed</c>.
/// </summary>
internal sealed class AddressRefusedException : Exception
{
    public AddressRefusedException()
        : base("The media host resolves to an address the fetcher may not connect to (private, loopback, link-local or another non-public range).")
    {
    }

    public AddressRefusedException(string message)
        : base(message)
    {
    }

    public AddressRefusedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
