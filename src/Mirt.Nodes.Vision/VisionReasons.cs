namespace Mirt.Nodes.Vision;

/// <summary>
/// Names the escalation reasons the photo node raises; a manager's alert and the logs show them.
/// </summary>
public static class VisionReasons
{
    /// <summary>Gets the reason when no vision model (or no image fetcher) is configured: degraded mode.</summary>
    public const string NeedsManager = "PHOTO_NEEDS_MANAGER";

    /// <summary>Gets the reason when the photo could not be downloaded (refused host, too large, not an image, timeout).</summary>
    public const string FetchFailed = "PHOTO_FETCH_FAILED";

    /// <summary>Gets the reason when the model named a catalog model with a confidence below the threshold.</summary>
    public const string LowConfidence = "PHOTO_LOW_CONFIDENCE";

    /// <summary>Gets the reason when the model found no catalog model on the photo.</summary>
    public const string Unrecognised = "PHOTO_UNRECOGNISED";

    /// <summary>Gets the reason when the model failed: an error, a timeout, an answer that is not the JSON asked for,
    /// or one naming a SKU, model or colour the catalog does not have.</summary>
    public const string ModelFailed = "PHOTO_MODEL_FAILED";
}
