using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.AI;
using OpenAI.Chat;

namespace Mirt.Llm.OpenAI.Requests;

/// <summary>Maps function declarations to OpenAI function tools.</summary>
internal static class ToolMapper
{
    /// <summary>Maps one function declaration; strict comes from the function's, else the call's, <c>strict</c> property.</summary>
    /// <param name="function">The declaration: name, description and parameter schema.</param>
    /// <param name="options">The call options, read for the call-wide <c>strict</c> switch.</param>
    /// <returns>The function tool.</returns>
    public static ChatTool ToChatTool(AIFunctionDeclaration function, ChatOptions? options)
    {
        var strict = StrictJsonSchema.IsStrict(function.AdditionalProperties) ?? StrictJsonSchema.IsStrict(options?.AdditionalProperties);
        var schema = strict is true ? StrictJsonSchema.Cache.GetOrCreateTransformedSchema(function) : function.JsonSchema;
        return ChatTool.CreateFunctionTool(function.Name, function.Description, ToParameters(schema), strict);
    }

    /// <summary>
    /// Keeps only <c>type</c>, <c>required</c>, <c>properties</c> and <c>additionalProperties</c> of a function schema,
    /// filling in the missing ones, as the official adapter does (titles and <c>$schema</c> only cost tokens).
    /// </summary>
    private static BinaryData ToParameters(JsonElement schema)
    {
        var type = schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String
            ? t.GetString()
            : "object";
        var parameters = new JsonObject
        {
            ["type"] = type,
            ["required"] = Member(schema, "required", JsonValueKind.Array) ?? new JsonArray(),
            ["properties"] = Member(schema, "properties", JsonValueKind.Object) ?? new JsonObject(),
            ["additionalProperties"] = schema.ValueKind == JsonValueKind.Object
                && schema.TryGetProperty("additionalProperties", out var additional)
                && additional.ValueKind == JsonValueKind.True,
        };
        return BinaryData.FromString(parameters.ToJsonString());
    }

    private static JsonNode? Member(JsonElement schema, string name, JsonValueKind kind) =>
        schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty(name, out var value) && value.ValueKind == kind
            ? JsonNode.Parse(value.GetRawText())
            : null;
}
