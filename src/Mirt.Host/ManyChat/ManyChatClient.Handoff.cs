using System.Text.Json;
using Mirt.Graph.Diagnostics;
using Mirt.Host.Web;

namespace Mirt.Host.ManyChat;

/// <summary>The tag and custom-field calls of the human handoff (10 requests/s, shared).</summary>
public sealed partial class ManyChatClient
{
    /// <summary>Adds a tag to a subscriber (<c>POST /fb/subscriber/addTagByName</c>); the tag must exist in ManyChat.</summary>
    /// <param name="subscriberId">The ManyChat contact id, a positive whole number.</param>
    /// <param name="tagName">The tag, as named in ManyChat (for example <c>needs_human</c>).</param>
    /// <param name="cancellationToken">Ends the wait for the rate limiter or the request.</param>
    /// <returns>How the call ended; an unknown tag is <see cref="ManyChatOutcome.Rejected"/>.</returns>
    /// <exception cref="ArgumentException"><paramref name="subscriberId"/> is not a positive whole number, or
    /// <paramref name="tagName"/> is blank.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public Task<ManyChatResult> AddTagByNameAsync(string subscriberId, string tagName, CancellationToken cancellationToken = default) =>
        TagAsync(ManyChatEndpoint.AddTag, subscriberId, tagName, cancellationToken);

    /// <summary>Removes a tag from a subscriber (<c>POST /fb/subscriber/removeTagByName</c>).</summary>
    /// <param name="subscriberId">The ManyChat contact id, a positive whole number.</param>
    /// <param name="tagName">The tag, as named in ManyChat.</param>
    /// <param name="cancellationToken">Ends the wait for the rate limiter or the request.</param>
    /// <returns>How the call ended.</returns>
    /// <exception cref="ArgumentException"><paramref name="subscriberId"/> is not a positive whole number, or
    /// <paramref name="tagName"/> is blank.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public Task<ManyChatResult> RemoveTagByNameAsync(string subscriberId, string tagName, CancellationToken cancellationToken = default) =>
        TagAsync(ManyChatEndpoint.RemoveTag, subscriberId, tagName, cancellationToken);

    /// <summary>Sets a text custom field (<c>POST /fb/subscriber/setCustomFieldByName</c>), for example the conversation
    /// state or intent at a handoff.</summary>
    /// <param name="subscriberId">The ManyChat contact id, a positive whole number.</param>
    /// <param name="fieldName">The custom field, as named in ManyChat; it must be a text field.</param>
    /// <param name="value">The value.</param>
    /// <param name="cancellationToken">Ends the wait for the rate limiter or the request.</param>
    /// <returns>How the call ended; an unknown field or a type mismatch is <see cref="ManyChatOutcome.Rejected"/>.</returns>
    /// <exception cref="ArgumentException"><paramref name="subscriberId"/> is not a positive whole number, or
    /// <paramref name="fieldName"/> is blank.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public Task<ManyChatResult> SetCustomFieldByNameAsync(string subscriberId, string fieldName, string value, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(value);
        return FieldAsync(subscriberId, fieldName, JsonSerializer.SerializeToElement(value, DynamicBlockResponse.JsonOptions), cancellationToken);
    }

    /// <summary>Sets a boolean custom field (<c>POST /fb/subscriber/setCustomFieldByName</c>), for example
    /// <c>needs_human</c>.</summary>
    /// <param name="subscriberId">The ManyChat contact id, a positive whole number.</param>
    /// <param name="fieldName">The custom field, as named in ManyChat; it must be a boolean field.</param>
    /// <param name="value">The value.</param>
    /// <param name="cancellationToken">Ends the wait for the rate limiter or the request.</param>
    /// <returns>How the call ended; an unknown field or a type mismatch is <see cref="ManyChatOutcome.Rejected"/>.</returns>
    /// <exception cref="ArgumentException"><paramref name="subscriberId"/> is not a positive whole number, or
    /// <paramref name="fieldName"/> is blank.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public Task<ManyChatResult> SetCustomFieldByNameAsync(string subscriberId, string fieldName, bool value, CancellationToken cancellationToken = default) =>
        FieldAsync(subscriberId, fieldName, JsonSerializer.SerializeToElement(value, DynamicBlockResponse.JsonOptions), cancellationToken);

    /// <summary>Sets a number custom field (<c>POST /fb/subscriber/setCustomFieldByName</c>), for example an order total
    /// in UAH.</summary>
    /// <param name="subscriberId">The ManyChat contact id, a positive whole number.</param>
    /// <param name="fieldName">The custom field, as named in ManyChat; it must be a number field.</param>
    /// <param name="value">The value.</param>
    /// <param name="cancellationToken">Ends the wait for the rate limiter or the request.</param>
    /// <returns>How the call ended; an unknown field or a type mismatch is <see cref="ManyChatOutcome.Rejected"/>.</returns>
    /// <exception cref="ArgumentException"><paramref name="subscriberId"/> is not a positive whole number, or
    /// <paramref name="fieldName"/> is blank.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public Task<ManyChatResult> SetCustomFieldByNameAsync(string subscriberId, string fieldName, decimal value, CancellationToken cancellationToken = default) =>
        FieldAsync(subscriberId, fieldName, JsonSerializer.SerializeToElement(value, DynamicBlockResponse.JsonOptions), cancellationToken);

    private async Task<ManyChatResult> TagAsync(ManyChatEndpoint endpoint, string subscriberId, string tagName, CancellationToken cancellationToken)
    {
        var id = SubscriberNumber(subscriberId);
        ArgumentException.ThrowIfNullOrWhiteSpace(tagName);
        var masked = ThreadIdMask.Hash(subscriberId);
        var result = await PostAsync(endpoint, ManyChatBodies.Tag(id, tagName), masked, cancellationToken).ConfigureAwait(false);
        return Logged(endpoint, masked, result);
    }

    private async Task<ManyChatResult> FieldAsync(string subscriberId, string fieldName, JsonElement value, CancellationToken cancellationToken)
    {
        var id = SubscriberNumber(subscriberId);
        ArgumentException.ThrowIfNullOrWhiteSpace(fieldName);
        var masked = ThreadIdMask.Hash(subscriberId);
        var result = await PostAsync(ManyChatEndpoint.SetField, ManyChatBodies.Field(id, fieldName, value), masked, cancellationToken).ConfigureAwait(false);
        return Logged(ManyChatEndpoint.SetField, masked, result);
    }
}
