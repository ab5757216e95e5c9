namespace Mirt.Host.Media;

/// <summary>
/// Recognises the image formats the vision model accepts by their leading bytes, so a response that only claims to
/// be an image (an HTML error page served as <c>image/jpeg</c>) is refused.
/// </summary>
internal static class ImageSniffer
{
    public const string Jpeg = "image/jpeg";
    public const string Png = "image/png";
    public const string Gif = "image/gif";
    public const string Webp = "image/webp";

    public static IReadOnlySet<string> Supported { get; } = new HashSet<string>([Jpeg, Png, Gif, Webp], StringComparer.OrdinalIgnoreCase);

    /// <summary>Names the format of an image from its first bytes.</summary>
    /// <returns>The media type, or <see langword="null"/> when the bytes are none of the supported formats.</returns>
    public static string? Sniff(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
        {
            return Jpeg;
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return Png;
        }

        if (bytes.StartsWith("GIF87a"u8) || bytes.StartsWith("GIF89a"u8))
        {
            return Gif;
        }

        return bytes.Length >= 12 && bytes.StartsWith("RIFF"u8) && bytes[8..12].SequenceEqual("WEBP"u8) ? Webp : null;
    }
}
