using Microsoft.Extensions.AI;
using OpenAI.Chat;

namespace Mirt.Llm.OpenAI.Requests;

/// <summary>Maps message contents to OpenAI content parts: text, image bytes and image addresses.</summary>
/// <remarks>
/// Like the official adapter, content it cannot express (audio, PDF, hosted files, usage, reasoning) is dropped, and a
/// message left with no part gets one empty text part because the API requires content.
/// </remarks>
internal static class ContentPartMapper
{
    /// <summary>The <see cref="AIContent.AdditionalProperties"/> key that carries an image detail level (<c>low</c>, <c>high</c>, <c>auto</c>).</summary>
    public const string ImageDetailKey = "detail";

    /// <summary>Maps every content that has an OpenAI form, keeping their order.</summary>
    /// <param name="contents">The message contents.</param>
    /// <returns>The parts; never empty.</returns>
    public static List<ChatMessageContentPart> ToParts(IEnumerable<AIContent> contents)
    {
        var parts = new List<ChatMessageContentPart>();
        foreach (var content in contents)
        {
            if (ToPart(content) is { } part)
            {
                parts.Add(part);
            }
        }

        if (parts.Count == 0)
        {
            parts.Add(ChatMessageContentPart.CreateTextPart(string.Empty));
        }

        return parts;
    }

    /// <summary>Maps one content, or returns <see langword="null"/> when OpenAI has no part for it.</summary>
    /// <param name="content">A text, image <see cref="DataContent"/> or image <see cref="UriContent"/>; a content whose raw representation is already a part passes through.</param>
    /// <returns>The part, or <see langword="null"/>.</returns>
    public static ChatMessageContentPart? ToPart(AIContent content) => content switch
    {
        { RawRepresentation: ChatMessageContentPart raw } => raw,
        TextContent text => ChatMessageContentPart.CreateTextPart(text.Text),
        UriContent uri when uri.HasTopLevelMediaType("image") =>
            ChatMessageContentPart.CreateImagePart(uri.Uri, DetailOf(content)),
        DataContent data when data.HasTopLevelMediaType("image") =>
            ChatMessageContentPart.CreateImagePart(BinaryData.FromBytes(data.Data), data.MediaType, DetailOf(content)),
        _ => null,
    };

    private static ChatImageDetailLevel? DetailOf(AIContent content) =>
        content.AdditionalProperties?.TryGetValue(ImageDetailKey, out var value) is true
            ? value switch
            {
                string text => new ChatImageDetailLevel(text),
                ChatImageDetailLevel level => level,
                // Typed: a bare null would go through the SDK's implicit conversion from string and throw.
                _ => (ChatImageDetailLevel?)null,
            }
            : null;
}
