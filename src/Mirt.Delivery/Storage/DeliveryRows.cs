using System.Data.Common;

namespace Mirt.Delivery.Storage;

/// <summary>Maps rows read with the SELECT heads of <see cref="DeliveryTables"/> to records.</summary>
internal static class DeliveryRows
{
    /// <summary>Reads a row of <see cref="DeliveryTables.SelectMessages"/>.</summary>
    public static InboxMessage Message(DbDataReader r) => new(
        Id: r.GetInt64(0),
        SubscriberId: r.GetString(1),
        AcceptedAt: DeliveryTime.At(r.GetInt64(2)),
        Text: r.GetString(3),
        ImageUrl: NullableString(r, 4),
        FirstName: NullableString(r, 5),
        Status: r.GetString(6),
        TurnId: NullableString(r, 7),
        TurnLastMessageId: NullableInt64(r, 8),
        TurnCompleted: !r.IsDBNull(9),
        AnswerJson: NullableString(r, 10));

    /// <summary>Reads a row of <see cref="DeliveryTables.SelectOutbox"/>.</summary>
    public static OutboxRow Outbox(DbDataReader r)
    {
        var lastCustomerAt = NullableInt64(r, 10);
        var item = new OutboxItem(
            Id: r.GetInt64(0),
            IdempotencyKey: r.GetString(1),
            SubscriberId: r.GetString(2),
            TurnId: NullableString(r, 3),
            Kind: r.GetString(4),
            Sequence: r.GetInt32(5),
            ContentJson: r.GetString(6),
            State: r.GetString(7),
            Attempts: r.GetInt32(8),
            CreatedAt: DeliveryTime.At(r.GetInt64(9)),
            LastCustomerAt: lastCustomerAt is { } at ? DeliveryTime.At(at) : null);
        return new OutboxRow(item, r.GetInt64(11), NullableInt64(r, 12));
    }

    /// <summary>Reads a nullable text column.</summary>
    public static string? NullableString(DbDataReader r, int ordinal) => r.IsDBNull(ordinal) ? null : r.GetString(ordinal);

    /// <summary>Reads a nullable 64-bit integer column.</summary>
    public static long? NullableInt64(DbDataReader r, int ordinal) => r.IsDBNull(ordinal) ? null : r.GetInt64(ordinal);
}
