using Microsoft.Extensions.AI;
using OpenAIResponseFormat = OpenAI.Chat.ChatResponseFormat;

namespace Mirt.Llm.OpenAI.Requests;

/// <summary>Maps <see cref="ChatOptions.ResponseFormat"/> to the OpenAI <c>response_format</c>.</summary>
internal static class ResponseFormatMapper
{
    /// <summary>The schema name sent when the format does not name its schema (OpenAI requires one).</summary>
    public const string DefaultSchemaName = "json_schema";

    /// <summary>
    /// Maps text to <c>text</c>, JSON without a schema to <c>json_object</c>, and JSON with a schema to
    /// <c>json_schema</c> with the format's name and description and the call's <c>strict</c> property.
    /// </summary>
    /// <param name="format">The requested format, or <see langword="null"/> for the server's default.</param>
    /// <param name="options">The call options, read for the <c>strict</c> switch.</param>
    /// <returns>The OpenAI format, or <see langword="null"/> to leave the field out.</returns>
    public static OpenAIResponseFormat? ToOpenAI(ChatResponseFormat? format, ChatOptions? options) => format switch
    {
        ChatResponseFormatText => OpenAIResponseFormat.CreateTextFormat(),
        ChatResponseFormatJson json when StrictJsonSchema.Cache.GetOrCreateTransformedSchema(json) is { } schema =>
            OpenAIResponseFormat.CreateJsonSchemaFormat(
                json.SchemaName ?? DefaultSchemaName,
                BinaryData.FromString(schema.GetRawText()),
                json.SchemaDescription,
                StrictJsonSchema.IsStrict(options?.AdditionalProperties)),
        ChatResponseFormatJson => OpenAIResponseFormat.CreateJsonObjectFormat(),
        _ => null,
    };
}
