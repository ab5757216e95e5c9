namespace Mirt.Host.Bench;

/// <summary>Holds what the bench measured of one turn.</summary>
/// <param name="LatencyMs">From sending the webhook request to having read the whole reply, in ms.</param>
/// <param name="Error">Why the turn failed (status code or exception), or <see langword="null"/> when it succeeded.</param>
/// <param name="Store">The turn's checkpoint-store calls.</param>
internal sealed record TurnSample(double LatencyMs, string? Error, TurnStoreTime Store)
{
    /// <summary>Gets a value indicating whether the webhook answered 200 with a body.</summary>
    public bool Ok => Error is null;
}
