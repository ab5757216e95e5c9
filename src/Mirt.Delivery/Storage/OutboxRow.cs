namespace Mirt.Delivery.Storage;

/// <summary>Holds an outbox row with the times that decide when a push may send it.</summary>
/// <param name="Item">The row as callers see it.</param>
/// <param name="NotBefore">The earliest push time, Unix ms.</param>
/// <param name="InlineUntil">Until when the webhook may answer it inline, Unix ms, or <see langword="null"/>.</param>
internal sealed record OutboxRow(OutboxItem Item, long NotBefore, long? InlineUntil)
{
    /// <summary>Tells whether a push may send the row at <paramref name="now"/> (Unix ms).</summary>
    public bool IsDue(long now) => NotBefore <= now && (InlineUntil is null || InlineUntil <= now);
}
