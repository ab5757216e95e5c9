using System.Security.Cryptography;
using System.Text;

namespace Mirt.Delivery;

/// <summary>
/// Computes the content key that recognises a re-delivered webhook (MANYCHAT.md: no message id, so subscriber, content
/// hash and a short window).
/// </summary>
public static class ContentHashes
{
    /// <summary>Hashes a message's text and photo URL.</summary>
    /// <param name="text">The text; <see langword="null"/> counts as empty.</param>
    /// <param name="imageUrl">The photo URL, or <see langword="null"/>.</param>
    /// <returns>64 lower-case hex characters (SHA-256 of the UTF-8 of text, a NUL separator and the URL).</returns>
    public static string Of(string? text, string? imageUrl)
    {
        // The separator keeps "ab" + "" apart from "a" + "b".
        var bytes = Encoding.UTF8.GetBytes($"{text ?? string.Empty}\0{imageUrl ?? string.Empty}");
        return Convert.ToHexStringLower(SHA256.HashData(bytes));
    }
}
