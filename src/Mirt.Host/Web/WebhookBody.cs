using System.Buffers;
using System.Globalization;

namespace Mirt.Host.Web;

/// <summary>
/// Reads a webhook body into memory without ever holding more than the cap, whatever <c>Content-Length</c> says
/// (chunked bodies have none); Kestrel's own <c>MaxRequestBodySize</c> is set to the same cap.
/// </summary>
internal static class WebhookBody
{
    /// <summary>Reads the body.</summary>
    /// <param name="request">The request.</param>
    /// <param name="maxBytes">The largest body accepted, in bytes.</param>
    /// <param name="cancellationToken">Cancels the read (the client went away).</param>
    /// <returns>The body; or, when it cannot be taken, the status to answer (413 too large, 400 broken framing) and
    /// a reason.</returns>
    public static async Task<(byte[]? Body, int Status, string? Error)> ReadAsync(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
    {
        if (request.ContentLength > maxBytes)
        {
            return (null, StatusCodes.Status413PayloadTooLarge, TooLarge(maxBytes));
        }

        using var copy = new MemoryStream();
        var chunk = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            int read;
            while ((read = await request.Body.ReadAsync(chunk.AsMemory(), cancellationToken).ConfigureAwait(false)) > 0)
            {
                if (copy.Length + read > maxBytes)
                {
                    return (null, StatusCodes.Status413PayloadTooLarge, TooLarge(maxBytes));
                }

                copy.Write(chunk, 0, read);
            }
        }
        catch (BadHttpRequestException ex)
        {
            // Kestrel's body-size limit or a broken chunked encoding; its message is about framing, never content.
            return ex.StatusCode == StatusCodes.Status413PayloadTooLarge
                ? (null, StatusCodes.Status413PayloadTooLarge, TooLarge(maxBytes))
                : (null, StatusCodes.Status400BadRequest, "The request body could not be read: its HTTP framing is broken.");
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }

        return (copy.ToArray(), StatusCodes.Status200OK, null);
    }

    private static string TooLarge(int maxBytes) =>
        string.Create(CultureInfo.InvariantCulture, $"The body is larger than {maxBytes} bytes; a Dynamic Block body is a few hundred bytes.");
}
