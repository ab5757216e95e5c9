using System.Text.Json;
using System.Text.Unicode;

namespace Mirt.Host.Web;

/// <summary>
/// Validates a Dynamic Block body strictly and explains every rejection, so a 400 names what to fix.
/// </summary>
/// <remarks>
/// <para>The body must be UTF-8 JSON (a leading byte-order mark is skipped): one object, nested at most
/// <see cref="MaxDepth"/> levels, with no property name repeated anywhere (a repeated field is ambiguous, and different
/// readers pick different copies). Fields we do not read, such as custom fields, are ignored.</para>
/// <para><c>subscriber_id</c> is a string or a whole number of 1 to <see cref="MaxIdLength"/> ASCII letters, digits,
/// <c>-</c>, <c>_</c>, <c>.</c> or <c>:</c>; <c>last_input_text</c> holds at most <see cref="MaxTextLength"/>
/// characters, names at most <see cref="MaxNameLength"/>. Control characters are refused in the id and dropped from
/// the customer's text (tab and line breaks stay) and names. A value ManyChat could not fill (<c>""</c>, blanks or the
/// literal <c>{{…}}</c>) counts as missing.</para>
/// <para><c>image_url</c>, when filled, must be an absolute <c>https</c> URL without user information of at most
/// <see cref="MaxUrlLength"/> characters, otherwise the request is refused with a 400: a broken URL means the Dynamic
/// Block body is mapped wrongly, and answering as if no photo came would hide that. Which hosts may be fetched (the
/// server-side request forgery guard) is decided by the media fetcher, not here. A media URL in
/// <c>last_input_text</c> (how ManyChat hands over a photo) becomes the image.</para>
/// <para>Error messages never quote the body: they go back to ManyChat and into the host log.</para>
/// </remarks>
public static partial class ManyChatRequestParser
{
    /// <summary>Gets the longest message text accepted, in UTF-16 characters; Instagram itself caps a message at
    /// 1,000.</summary>
    public const int MaxTextLength = 4000;

    /// <summary>Gets the longest subscriber id accepted, in characters; ManyChat ids are about 10-20 digits.</summary>
    public const int MaxIdLength = 64;

    /// <summary>Gets the longest first name or Instagram user name accepted, in characters.</summary>
    public const int MaxNameLength = 256;

    /// <summary>Gets the longest image URL accepted, in characters.</summary>
    public const int MaxUrlLength = 2048;

    /// <summary>Gets how deep the body may nest, in levels; a Dynamic Block body is one flat object.</summary>
    public const int MaxDepth = 16;

    private static readonly JsonDocumentOptions Strict = new() { MaxDepth = MaxDepth, AllowDuplicateProperties = false };

    /// <summary>Parses a request body.</summary>
    /// <param name="body">The raw UTF-8 body.</param>
    /// <param name="request">The request when valid.</param>
    /// <param name="error">A sentence naming the problem when invalid.</param>
    /// <returns><see langword="true"/> when the body is valid.</returns>
    public static bool TryParse(ReadOnlyMemory<byte> body, out ManyChatRequest? request, out string? error)
    {
        request = null;
        if (body.Span.StartsWith("\uFEFF"u8))
        {
            body = body[3..];
        }

        // The JSON reader checks UTF-8 only when a string is read out, and then throws InvalidOperationException.
        if (!Utf8.IsValid(body.Span))
        {
            error = "The body is not valid UTF-8; send the Dynamic Block body as UTF-8 JSON.";
            return false;
        }

        if (!TryOpen(body, out var document, out error))
        {
            return false;
        }

        using (document)
        {
            var root = document!.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                error = "The body must be a JSON object with subscriber_id and last_input_text.";
                return false;
            }

            if (!TrySubscriber(root, out var subscriber, out error)
                || !TryText(root, "last_input_text", MaxTextLength, keepLineBreaks: true, out var text, out error)
                || !TryText(root, "first_name", MaxNameLength, keepLineBreaks: false, out var firstName, out error)
                || !TryText(root, "ig_username", MaxNameLength, keepLineBreaks: false, out var username, out error)
                || !TryImageUrl(root, out var imageUrl, out error))
            {
                return false;
            }

            if (imageUrl is null && text is not null && IsMediaUrl(text))
            {
                (imageUrl, text) = (text, null);
            }

            if (text is null && imageUrl is null)
            {
                error = "last_input_text is missing or unfilled and no image_url came; there is no message to answer.";
                return false;
            }

            request = new ManyChatRequest(subscriber!, text ?? string.Empty, imageUrl, firstName, username);
            error = null;
            return true;
        }
    }

    private static bool TryOpen(ReadOnlyMemory<byte> body, out JsonDocument? document, out string? error)
    {
        try
        {
            document = JsonDocument.Parse(body, Strict);
            error = null;
            return true;
        }
        catch (JsonException ex)
        {
            // The reader's own messages quote the offending text, which may be a customer's words: say where instead.
            document = null;
            error = ex.Message.Contains("maximum configured depth", StringComparison.Ordinal)
                ? $"The body nests deeper than {MaxDepth} levels; a Dynamic Block body is one flat JSON object."
                : ex.Message.StartsWith("Duplicate property", StringComparison.Ordinal)
                    ? "The body repeats a property name; send each field once."
                    : $"The body is not valid JSON (line {(ex.LineNumber ?? 0) + 1}, byte {(ex.BytePositionInLine ?? 0) + 1}); turn on \"Encode to JSON\" for every variable in the Dynamic Block body.";
            return false;
        }
    }
}
