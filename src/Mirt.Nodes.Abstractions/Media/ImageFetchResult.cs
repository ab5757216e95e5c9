namespace Mirt.Nodes.Abstractions.Media;

/// <summary>
/// Carries the outcome of <see cref="IImageFetcher.FetchAsync"/>: the image, or why there is none.
/// </summary>
public sealed record ImageFetchResult
{
    private ImageFetchResult(ReadOnlyMemory<byte> bytes, string? mediaType, ImageFetchFailure? failure)
    {
        Bytes = bytes;
        MediaType = mediaType;
        Failure = failure;
    }

    /// <summary>Gets the image bytes; empty on failure.</summary>
    public ReadOnlyMemory<byte> Bytes { get; }

    /// <summary>Gets the image's media type, for example <c>image/jpeg</c>; <see langword="null"/> on failure.</summary>
    public string? MediaType { get; }

    /// <summary>Gets why the image could not be fetched, or <see langword="null"/> on success.</summary>
    public ImageFetchFailure? Failure { get; }

    /// <summary>Gets a value indicating whether the image was fetched.</summary>
    public bool Succeeded => Failure is null;

    /// <summary>Creates a successful result.</summary>
    /// <param name="bytes">The image bytes; not empty.</param>
    /// <param name="mediaType">The media type, for example <c>image/png</c>.</param>
    /// <returns>The result.</returns>
    /// <exception cref="ArgumentException"><paramref name="bytes"/> is empty or <paramref name="mediaType"/> is blank.</exception>
    public static ImageFetchResult Success(ReadOnlyMemory<byte> bytes, string mediaType)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(mediaType);
        if (bytes.IsEmpty)
        {
            throw new ArgumentException("An image has at least one byte; report an empty body as a failure instead.", nameof(bytes));
        }

        return new(bytes, mediaType, null);
    }

    /// <summary>Creates a failed result.</summary>
    /// <param name="failure">Why the image could not be fetched.</param>
    /// <returns>The result.</returns>
    public static ImageFetchResult Fail(ImageFetchFailure failure) => new(ReadOnlyMemory<byte>.Empty, null, failure);
}
