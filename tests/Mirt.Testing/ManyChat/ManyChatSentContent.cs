using System.Text.Json;

namespace Mirt.Testing.ManyChat;

/// <summary>One <c>sendContent</c> call <see cref="ManyChatStandIn"/> accepted: what reached the customer.</summary>
/// <param name="SubscriberId">The subscriber.</param>
/// <param name="ContentJson">The <c>data.content</c> object as sent, JSON text.</param>
/// <param name="At">When it arrived, by the stand-in's clock.</param>
public sealed record ManyChatSentContent(long SubscriberId, string ContentJson, DateTimeOffset At)
{
    /// <summary>Parses <see cref="ContentJson"/> (a fresh copy each time; nothing to dispose).</summary>
    /// <returns>The content object.</returns>
    public JsonElement Content()
    {
        using var document = JsonDocument.Parse(ContentJson);
        return document.RootElement.Clone();
    }

    /// <summary>Gets the texts of the content's text messages, in order.</summary>
    public IReadOnlyList<string> Texts =>
        [.. Content().GetProperty("messages").EnumerateArray()
            .Where(m => m.TryGetProperty("text", out _))
            .Select(m => m.GetProperty("text").GetString() ?? "")];
}
