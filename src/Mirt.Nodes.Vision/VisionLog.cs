using Microsoft.Extensions.Logging;

namespace Mirt.Nodes.Vision;

/// <summary>
/// Logs what the photo node decided. Never the media URL and never customer text: the catalog id, the confidence and
/// the reasons are enough to follow a photo.
/// </summary>
internal static partial class VisionLog
{
    /// <summary>The log category of the photo node.</summary>
    public const string Category = "Mirt.Nodes.Vision";

    [LoggerMessage(EventId = 601, EventName = "vision_recognised", Level = LogLevel.Debug,
        Message = "vision_recognised product={ProductId} color={Color} confidence={Confidence} repeated={Repeated}")]
    public static partial void Recognised(ILogger logger, string productId, string color, double confidence, bool repeated);

    [LoggerMessage(EventId = 602, EventName = "vision_escalated", Level = LogLevel.Information,
        Message = "vision_escalated reason={Reason} degraded={DegradedReason} confidence={Confidence} repeated={Repeated}")]
    public static partial void Escalated(ILogger logger, string reason, string degradedReason, double confidence, bool repeated);
}
