namespace Mirt.Delivery.Storage;

/// <summary>Names the store's tables in one database and holds the SELECT heads that <see cref="DeliveryRows"/> reads.</summary>
internal sealed class DeliveryTables
{
    /// <summary>Initializes the names.</summary>
    /// <param name="prefix">What goes before each table name: <c>"mirt".</c> in PostgreSQL, nothing in SQLite.</param>
    public DeliveryTables(string prefix)
    {
        Conversations = prefix + "delivery_conversations";
        Inbox = prefix + "delivery_inbox";
        Turns = prefix + "delivery_turns";
        Outbox = prefix + "delivery_outbox";
        SelectMessages = $"""
            SELECT i.id, i.subscriber_id, i.accepted_at, i.text, i.image_url, i.first_name, i.status, i.turn_id,
                   t.last_message_id, t.completed_at, i.answer_json
            FROM {Inbox} i LEFT JOIN {Turns} t ON t.turn_id = i.turn_id
            """;
        SelectOutbox = $"""
            SELECT o.id, o.idempotency_key, o.subscriber_id, o.turn_id, o.kind, o.seq, o.content_json, o.state, o.attempts,
                   o.created_at, c.last_customer_at, o.not_before, o.inline_until
            FROM {Outbox} o LEFT JOIN {Conversations} c ON c.subscriber_id = o.subscriber_id
            """;
    }

    /// <summary>Gets the per-subscriber row: last customer message, state, handoff, turn and push leases.</summary>
    public string Conversations { get; }

    /// <summary>Gets the customer messages.</summary>
    public string Inbox { get; }

    /// <summary>Gets the claimed turns.</summary>
    public string Turns { get; }

    /// <summary>Gets the rows to send.</summary>
    public string Outbox { get; }

    /// <summary>Gets the head of a query for <see cref="DeliveryRows.Message"/> (alias <c>i</c>); append WHERE and ORDER BY.</summary>
    public string SelectMessages { get; }

    /// <summary>Gets the head of a query for <see cref="DeliveryRows.Outbox"/> (alias <c>o</c>); append WHERE and ORDER BY.</summary>
    public string SelectOutbox { get; }
}
