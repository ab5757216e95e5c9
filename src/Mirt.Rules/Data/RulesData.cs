using System.Text.Json;

namespace Mirt.Rules.Data;

/// <summary>
/// Reads the rules data files embedded in this assembly (resources named <c>Mirt.Rules.Data.&lt;file&gt;.json</c>,
/// taken from the flat <c>Data/</c> folder).
/// </summary>
/// <remarks>Stateless and thread-safe; callers cache what they load.</remarks>
internal static class RulesData
{
    private const string ResourcePrefix = "Mirt.Rules.Data.";

    private static readonly JsonSerializerOptions SerializerOptions = new()
    {
        PropertyNameCaseInsensitive = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    /// <summary>Deserialises an embedded data file.</summary>
    /// <typeparam name="T">The shape of the file.</typeparam>
    /// <param name="fileName">The file name inside <c>Data/</c>, for example <c>intents.json</c>.</param>
    /// <returns>The deserialised data.</returns>
    /// <exception cref="InvalidOperationException">The resource is missing, is not valid JSON or holds <c>null</c>.</exception>
    public static T Load<T>(string fileName)
        where T : class
    {
        using var stream = Open(fileName);
        T? value;
        try
        {
            value = JsonSerializer.Deserialize<T>(stream, SerializerOptions);
        }
        catch (JsonException ex)
        {
            throw new InvalidOperationException(
                $"The embedded rules data '{ResourceName(fileName)}' is not valid JSON for {typeof(T).Name}; fix the file in src/Mirt.Rules/Data/.",
                ex);
        }

        return value ?? throw new InvalidOperationException(
            $"The embedded rules data '{ResourceName(fileName)}' holds null; write a JSON object in src/Mirt.Rules/Data/{fileName}.");
    }

    /// <summary>Opens an embedded data file for reading; the caller disposes the stream.</summary>
    /// <param name="fileName">The file name inside <c>Data/</c>, for example <c>intents.json</c>.</param>
    /// <returns>A readable stream over the file.</returns>
    /// <exception cref="InvalidOperationException">No resource has that name.</exception>
    public static Stream Open(string fileName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(fileName);
        var name = ResourceName(fileName);
        return typeof(RulesData).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException(
                $"The embedded rules data '{name}' is missing; add src/Mirt.Rules/Data/{fileName} (the csproj embeds Data/*.json).");
    }

    private static string ResourceName(string fileName) => ResourcePrefix + fileName;
}
