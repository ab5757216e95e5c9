namespace Mirt.Testing.ManyChat;

/// <summary>One request as <see cref="ManyChatStandIn"/> received and answered it, accepted or not.</summary>
/// <param name="Path">The path, e.g. <c>/fb/sending/sendContent</c>.</param>
/// <param name="SubscriberId">The body's <c>subscriber_id</c> when it was a number, otherwise <see langword="null"/>.</param>
/// <param name="Status">The HTTP status answered; 0 when the connection was dropped.</param>
/// <param name="Code">The ManyChat error code answered (3011, 3040…), or <see langword="null"/>.</param>
/// <param name="Body">The request body as UTF-8 text.</param>
/// <param name="At">When the request arrived, by the stand-in's clock.</param>
public sealed record ManyChatStandInRequest(string Path, long? SubscriberId, int Status, int? Code, string Body, DateTimeOffset At)
{
    /// <summary>Gets whether ManyChat would have acted on the request (<c>200 {"status":"success"}</c>).</summary>
    public bool Accepted => Status == 200;
}
