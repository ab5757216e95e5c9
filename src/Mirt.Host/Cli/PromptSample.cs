using System.Text.Json;
using System.Text.Json.Serialization;

namespace Mirt.Host.Cli;

/// <summary>
/// A sample conversation state for <c>mirt prompts render</c>, read from a JSON file under <c>prompts/samples/</c>
/// (the shape is documented in <c>prompts/samples/README.md</c>).
/// </summary>
/// <param name="Description">Says in one sentence what moment of a conversation the sample shows.</param>
/// <param name="Turn">Gives the state summary the LLM prompt composer reads (its <c>state</c> names the sample's state).</param>
/// <param name="Transcript">Gives the conversation so far, oldest first, for the composer.</param>
/// <param name="Message">Gives this turn's customer message, for the composer.</param>
/// <param name="Templates">Gives the model of each node template the sample can render, by template name, as the
/// JSON of the template's model type (camelCase).</param>
internal sealed record PromptSample(
    string? Description = null,
    JsonElement? Turn = null,
    JsonElement? Transcript = null,
    JsonElement? Message = null,
    IReadOnlyDictionary<string, JsonElement>? Templates = null)
{
    /// <summary>Gets how samples and template models are read: camelCase, unknown or missing members are errors.</summary>
    public static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    /// <summary>Gets the conversation state the sample is in (<c>turn.state</c>), or <see langword="null"/> when the
    /// sample has no turn.</summary>
    public string? State =>
        Turn is { ValueKind: JsonValueKind.Object } turn && turn.TryGetProperty("state", out var state) && state.ValueKind == JsonValueKind.String
            ? state.GetString()
            : null;

    /// <summary>Reads a sample file's text.</summary>
    /// <param name="path">The file, for messages.</param>
    /// <param name="json">The file's text.</param>
    /// <returns>The sample.</returns>
    /// <exception cref="InvalidDataException">The text is not a valid sample; the message says what is wrong.</exception>
    public static PromptSample Parse(string path, string json)
    {
        try
        {
            return JsonSerializer.Deserialize<PromptSample>(json, Json)
                ?? throw new InvalidDataException($"the sample {path} is empty (null)");
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"the sample {path} is not valid: {ex.Message}", ex);
        }
    }

    /// <summary>Turns the model JSON of <paramref name="template"/> into an instance of <paramref name="modelType"/>.</summary>
    /// <param name="template">The template name.</param>
    /// <param name="modelType">The model type its descriptor names.</param>
    /// <returns>The model.</returns>
    /// <exception cref="InvalidDataException">The sample has no model for the template, or it does not fit the type.</exception>
    public object ModelFor(string template, Type modelType)
    {
        if (Templates is null || !Templates.TryGetValue(template, out var json))
        {
            if (modelType == typeof(Mirt.Nodes.Abstractions.Replies.NoModel))
            {
                return Mirt.Nodes.Abstractions.Replies.NoModel.Instance;
            }

            throw new InvalidDataException($"the sample has no model for '{template}'; add it under \"templates\" as a {modelType.Name} in camelCase JSON");
        }

        try
        {
            return json.Deserialize(modelType, Json)
                ?? throw new InvalidDataException($"the sample's model for '{template}' is null; give a {modelType.Name}");
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"the sample's model for '{template}' does not fit {modelType.Name}: {ex.Message}", ex);
        }
    }
}
