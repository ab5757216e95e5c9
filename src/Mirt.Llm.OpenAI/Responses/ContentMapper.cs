using Microsoft.Extensions.AI;
using OpenAI.Chat;

namespace Mirt.Llm.OpenAI.Responses;

/// <summary>Maps OpenAI content parts in a response to <see cref="AIContent"/>.</summary>
internal static class ContentMapper
{
    /// <summary>Maps a text part to <see cref="TextContent"/> and an image part to <see cref="UriContent"/> or <see cref="DataContent"/>.</summary>
    /// <param name="part">The part; its raw form is kept in <see cref="AIContent.RawRepresentation"/>.</param>
    /// <returns>The content, or <see langword="null"/> for a part kind the adapter does not map.</returns>
    public static AIContent? ToContent(ChatMessageContentPart part)
    {
        AIContent? content = null;
        if (part.Kind == ChatMessageContentPartKind.Text)
        {
            content = new TextContent(part.Text);
        }
        else if (part.Kind == ChatMessageContentPartKind.Image)
        {
            content = part.ImageUri is not null ? new UriContent(part.ImageUri, "image/*")
                : part.ImageBytes is not null ? new DataContent(part.ImageBytes.ToMemory(), part.ImageBytesMediaType)
                : null;
        }

        if (content is not null)
        {
            content.RawRepresentation = part;
        }

        return content;
    }
}
