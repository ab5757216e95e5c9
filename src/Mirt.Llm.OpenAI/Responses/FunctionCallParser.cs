using System.Text.Json;
using Microsoft.Extensions.AI;

namespace Mirt.Llm.OpenAI.Responses;

/// <summary>Builds <see cref="FunctionCallContent"/> from a tool call's JSON arguments.</summary>
/// <remarks>
/// Arguments that are not a JSON object do not throw: the content carries the parse error in
/// <see cref="FunctionCallContent.Exception"/>, so a caller can send it back to the model as a tool error.
/// </remarks>
internal static class FunctionCallParser
{
    /// <summary>Parses UTF-8 JSON arguments (non-streaming responses).</summary>
    /// <param name="arguments">The arguments as the server sent them.</param>
    /// <param name="callId">The tool call id, echoed back in the tool result.</param>
    /// <param name="name">The function name.</param>
    /// <returns>The call with its arguments as a dictionary of <see cref="JsonElement"/> values.</returns>
    public static FunctionCallContent Parse(BinaryData arguments, string callId, string name) =>
        FunctionCallContent.CreateFromParsedArguments(arguments, callId, name, static json => Deserialize(json.ToMemory().Span));

    /// <summary>Parses JSON arguments assembled from streamed fragments.</summary>
    /// <param name="arguments">The concatenated argument fragments.</param>
    /// <param name="callId">The tool call id, echoed back in the tool result.</param>
    /// <param name="name">The function name.</param>
    /// <returns>The call with its arguments as a dictionary of <see cref="JsonElement"/> values.</returns>
    public static FunctionCallContent Parse(string arguments, string callId, string name) =>
        FunctionCallContent.CreateFromParsedArguments(arguments, callId, name, static json => Deserialize(System.Text.Encoding.UTF8.GetBytes(json)));

    private static Dictionary<string, object?>? Deserialize(ReadOnlySpan<byte> json) =>
        (Dictionary<string, object?>?)JsonSerializer.Deserialize(json, AIJsonUtilities.DefaultOptions.GetTypeInfo(typeof(Dictionary<string, object?>)));
}
