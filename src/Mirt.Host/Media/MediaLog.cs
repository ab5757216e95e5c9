namespace Mirt.Host.Media;

/// <summary>
/// Logs media downloads. The URL and host are never logged: Instagram media URLs are private to the customer.
/// </summary>
internal static partial class MediaLog
{
    [LoggerMessage(EventId = 501, EventName = "media_fetched", Level = LogLevel.Debug,
        Message = "media_fetched bytes={Bytes} type={MediaType} ms={Ms}")]
    public static partial void Fetched(ILogger logger, int bytes, string mediaType, double ms);

    [LoggerMessage(EventId = 502, EventName = "media_fetch_failed", Level = LogLevel.Warning,
        Message = "media_fetch_failed reason={Reason} ms={Ms}")]
    public static partial void Failed(ILogger logger, string reason, double ms);
}
