namespace Mirt.Nodes.Abstractions.Media;

/// <summary>
/// Downloads a customer's photo server-side so its bytes, not its URL, go to the vision model. ManyChat hands over
/// a private media URL (see MANYCHAT.md, Photos); the fetcher caps the size, checks the content type and refuses
/// hosts and addresses it must not reach.
/// </summary>
/// <remarks>Implementations are thread-safe and never log the URL.</remarks>
public interface IImageFetcher
{
    /// <summary>Fetches an image.</summary>
    /// <param name="url">The absolute media URL from the customer's message.</param>
    /// <param name="cancellationToken">Cancels the download (the turn was abandoned); the fetcher's own timeout is
    /// reported as <see cref="ImageFetchFailure.Timeout"/> instead.</param>
    /// <returns>The image bytes and media type, or the reason the image could not be fetched. Expected failures
    /// (refused host, too large, not an image, timeout, HTTP error) are values, never exceptions.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="url"/> is <see langword="null"/>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    Task<ImageFetchResult> FetchAsync(Uri url, CancellationToken cancellationToken = default);
}
