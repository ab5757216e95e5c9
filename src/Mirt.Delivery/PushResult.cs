namespace Mirt.Delivery;

/// <summary>
/// Names how a push call ended, for <see cref="IDeliveryStore.RecordPushAsync"/>.
/// </summary>
public enum PushResult
{
    /// <summary>ManyChat accepted it: the row becomes <see cref="OutboxState.Sent"/>.</summary>
    Sent,

    /// <summary>ManyChat refused it for good: the row becomes <see cref="OutboxState.Failed"/>.</summary>
    Failed,

    /// <summary>The call surely did not reach ManyChat (refused connection, our own rate limit): the row goes back to
    /// <see cref="OutboxState.Pending"/> with a later <c>NotBefore</c>.</summary>
    Retry,

    /// <summary>The call may have reached ManyChat (a time-out after sending): the row becomes
    /// <see cref="OutboxState.Uncertain"/> and is not sent again.</summary>
    Uncertain,
}
