using System.Net.Http.Headers;
using Mirt.Nodes.Abstractions.Media;

namespace Mirt.Host.Media;

/// <summary>The download: redirects checked hop by hop, the declared type and length checked before the body, the
/// body streamed up to the cap, the leading bytes sniffed.</summary>
public sealed partial class HttpImageFetcher
{
    private async Task<ImageFetchResult> DownloadAsync(Uri url, CancellationToken cancellationToken)
    {
        var current = url;
        for (var hop = 0; ; hop++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, current);
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("image/*"));
            using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            if (Redirects.Contains(response.StatusCode))
            {
                if (hop >= _options.MaxRedirects || response.Headers.Location is not { } location)
                {
                    return ImageFetchResult.Fail(ImageFetchFailure.HttpError);
                }

                current = location.IsAbsoluteUri ? location : new Uri(current, location);
                if (Refusal(current) is { } refused)
                {
                    return ImageFetchResult.Fail(refused);
                }

                continue;
            }

            return await ReadImageAsync(response, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<ImageFetchResult> ReadImageAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (!response.IsSuccessStatusCode)
        {
            return ImageFetchResult.Fail(ImageFetchFailure.HttpError);
        }

        var declared = response.Content.Headers.ContentType?.MediaType;
        if (declared is null || !ImageSniffer.Supported.Contains(declared))
        {
            return ImageFetchResult.Fail(ImageFetchFailure.UnsupportedMediaType);
        }

        if (response.Content.Headers.ContentLength > _options.MaxBytes)
        {
            return ImageFetchResult.Fail(ImageFetchFailure.TooLarge);
        }

        var body = await ReadCappedAsync(response.Content, cancellationToken).ConfigureAwait(false);
        if (body is null)
        {
            return ImageFetchResult.Fail(ImageFetchFailure.TooLarge);
        }

        // The bytes decide: a CDN may label a PNG as JPEG, but an HTML page labelled as an image is refused.
        return ImageSniffer.Sniff(body) is { } sniffed
            ? ImageFetchResult.Success(body, sniffed)
            : ImageFetchResult.Fail(ImageFetchFailure.UnsupportedMediaType);
    }

    // Reads at most MaxBytes; returns null as soon as the body proves longer, without reading the rest.
    private async Task<byte[]?> ReadCappedAsync(HttpContent content, CancellationToken cancellationToken)
    {
        var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            using var buffer = new MemoryStream();
            var chunk = new byte[81_920];
            int read;
            while ((read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
            {
                if (buffer.Length + read > _options.MaxBytes)
                {
                    return null;
                }

                buffer.Write(chunk, 0, read);
            }

            return buffer.ToArray();
        }
    }
}
