using System.Collections.Concurrent;
using Mirt.Nodes.Abstractions.Media;

namespace Mirt.Testing.Media;

/// <summary>
/// A scripted <see cref="IImageFetcher"/>: <see cref="OnFetchAsync"/> answers every fetch (by default a small JPEG
/// whose bytes depend on the URL, so different URLs are different photos and the same URL is the same photo).
/// Every URL asked for is kept in <see cref="Fetched"/>.
/// </summary>
public sealed class FakeImageFetcher : IImageFetcher
{
    private readonly ConcurrentQueue<Uri> _fetched = new();

    /// <summary>Gets or sets the answer to each fetch.</summary>
    public Func<Uri, CancellationToken, Task<ImageFetchResult>> OnFetchAsync { get; set; } =
        (url, _) => Task.FromResult(ImageFetchResult.Success(Jpeg(url.AbsoluteUri), "image/jpeg"));

    /// <summary>Gets the URLs fetched, in order.</summary>
    public IReadOnlyList<Uri> Fetched => [.. _fetched];

    /// <summary>Makes the bytes of a tiny JPEG-looking image that differs by <paramref name="seed"/>.</summary>
    /// <param name="seed">Any text; the same text gives the same bytes.</param>
    /// <returns>The bytes, starting with the JPEG signature.</returns>
    public static byte[] Jpeg(string seed) => [0xFF, 0xD8, 0xFF, 0xE0, .. System.Text.Encoding.UTF8.GetBytes(seed), 0xFF, 0xD9];

    /// <summary>Answers every fetch with the same photo, whatever the URL (the customer sent one picture twice).</summary>
    /// <param name="bytes">The photo's bytes.</param>
    /// <returns>This fetcher.</returns>
    public FakeImageFetcher AlwaysReturn(byte[] bytes)
    {
        OnFetchAsync = (_, _) => Task.FromResult(ImageFetchResult.Success(bytes, "image/jpeg"));
        return this;
    }

    /// <summary>Fails every fetch.</summary>
    /// <param name="failure">The failure reported.</param>
    /// <returns>This fetcher.</returns>
    public FakeImageFetcher AlwaysFail(ImageFetchFailure failure)
    {
        OnFetchAsync = (_, _) => Task.FromResult(ImageFetchResult.Fail(failure));
        return this;
    }

    /// <inheritdoc />
    public Task<ImageFetchResult> FetchAsync(Uri url, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(url);
        _fetched.Enqueue(url);
        return OnFetchAsync(url, cancellationToken);
    }
}
