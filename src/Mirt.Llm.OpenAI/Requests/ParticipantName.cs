namespace Mirt.Llm.OpenAI.Requests;

/// <summary>Makes a <see cref="Microsoft.Extensions.AI.ChatMessage.AuthorName"/> acceptable as an OpenAI participant name.</summary>
internal static class ParticipantName
{
    /// <summary>The longest name OpenAI accepts, in characters.</summary>
    public const int MaxLength = 64;

    /// <summary>Replaces every character outside <c>[A-Za-z0-9_-]</c> with <c>_</c> and cuts the result to <see cref="MaxLength"/>.</summary>
    /// <param name="authorName">The author name, possibly <see langword="null"/>.</param>
    /// <returns>The sanitized name, or <see langword="null"/> when there is no usable name (the field is then omitted).</returns>
    public static string? Sanitize(string? authorName)
    {
        if (string.IsNullOrWhiteSpace(authorName))
        {
            return null;
        }

        var length = Math.Min(authorName.Length, MaxLength);
        return string.Create(length, authorName, static (span, name) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                var c = name[i];
                span[i] = char.IsAsciiLetterOrDigit(c) || c is '_' or '-' ? c : '_';
            }
        });
    }
}
