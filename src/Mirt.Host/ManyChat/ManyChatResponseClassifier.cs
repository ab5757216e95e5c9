using System.Globalization;
using System.Text.Json;

namespace Mirt.Host.ManyChat;

/// <summary>
/// Turns a ManyChat answer (HTTP status and body) into a <see cref="ManyChatResult"/>. ManyChat answers every error as
/// HTTP 400 <c>{"status":"error","message":"…","code":…}</c> (MANYCHAT.md); the heuristics below cover what the code
/// alone does not say.
/// </summary>
/// <remarks>
/// Heuristics, in order: a body with <c>"status":"error"</c> is an error whatever the HTTP status; code 3011, or no
/// code and a message naming the 24-hour window, is <see cref="ManyChatOutcome.OutsideWindow"/>; codes 3040–3049 are
/// <see cref="ManyChatOutcome.ChannelRefused"/>; a message saying "too many requests" or "rate limit" (ManyChat has
/// no 429) is <see cref="ManyChatOutcome.RateLimited"/>; a 2xx with an unreadable body counts as sent, because
/// treating a delivered message as failed would send it twice.
/// </remarks>
internal static class ManyChatResponseClassifier
{
    /// <summary>Gets ManyChat's error code for a message outside the 24-hour window.</summary>
    public const int OutsideWindowCode = 3011;

    private static readonly string[] WindowWords = ["24 hour", "24-hour", "24h"];
    private static readonly string[] RateWords = ["too many requests", "rate limit"];

    public static ManyChatResult Classify(int status, ReadOnlySpan<byte> body)
    {
        var (isError, message, code) = Read(body);
        if (status is >= 200 and < 300 && !isError)
        {
            return new ManyChatResult(ManyChatOutcome.Sent, HttpStatus: status);
        }

        return status switch
        {
            401 or 403 => new ManyChatResult(ManyChatOutcome.Unauthorized, code, message ?? "unauthorized", status),
            429 => new ManyChatResult(ManyChatOutcome.RateLimited, code, message ?? "too many requests", status),
            408 or >= 500 => new ManyChatResult(ManyChatOutcome.Transient, code, message ?? $"http {status.ToString(CultureInfo.InvariantCulture)}", status) { MaybeDelivered = true },
            _ => ClassifyError(status, code, message),
        };
    }

    private static ManyChatResult ClassifyError(int status, int? code, string? message)
    {
        var outcome = code switch
        {
            OutsideWindowCode => ManyChatOutcome.OutsideWindow,
            >= 3040 and <= 3049 => ManyChatOutcome.ChannelRefused,
            null when Mentions(message, WindowWords) => ManyChatOutcome.OutsideWindow,
            _ when Mentions(message, RateWords) => ManyChatOutcome.RateLimited,
            _ => ManyChatOutcome.Rejected,
        };
        return new ManyChatResult(outcome, code, message ?? $"http {status.ToString(CultureInfo.InvariantCulture)}", status);
    }

    internal static bool Mentions(string? message, IEnumerable<string> words) =>
        message is not null && words.Any(w => message.Contains(w, StringComparison.OrdinalIgnoreCase));

    private static (bool IsError, string? Message, int? Code) Read(ReadOnlySpan<byte> body)
    {
        if (body.IsEmpty)
        {
            return (false, null, null);
        }

        try
        {
            var reader = new Utf8JsonReader(body);
            using var document = JsonDocument.ParseValue(ref reader);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return (false, null, null);
            }

            var isError = root.TryGetProperty("status", out var s) && s.ValueKind == JsonValueKind.String && s.ValueEquals("error"u8);
            var message = root.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String ? Shorten(m.GetString()!) : null;
            int? code = root.TryGetProperty("code", out var c) ? c.ValueKind switch
            {
                JsonValueKind.Number when c.TryGetInt32(out var n) => n,
                JsonValueKind.String when int.TryParse(c.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) => n,
                _ => null,
            } : null;
            return (isError, message, code);
        }
        catch (JsonException)
        {
            return (false, null, null);
        }
    }

    // ManyChat's messages are short; a long one is a proxy's HTML page, not worth carrying around.
    private static string Shorten(string message) => message.Length <= 300 ? message : message[..300];
}
