using System.Text.Json;
using Mirt.Rules.Data;

namespace Mirt.Rules.Catalog;

/// <summary>
/// Loads and validates a <see cref="Catalog"/> from JSON (snake_case fields, shape of <c>Data/catalog.json</c>; facts from
/// <c>shared/DOMAIN.md</c>, Catalog).
/// </summary>
/// <remarks>Stateless and thread-safe. Every call parses the file again; callers keep the result.</remarks>
public static class CatalogLoader
{
    private const string DefaultFileName = "catalog.json";

    /// <summary>Loads the catalog embedded in this assembly from <c>Data/catalog.json</c>.</summary>
    /// <returns>The validated catalog.</returns>
    /// <exception cref="CatalogValidationException">The embedded file is broken; the message lists every problem.</exception>
    public static Catalog LoadDefault()
    {
        using var stream = RulesData.Open(DefaultFileName);
        return Load(stream);
    }

    /// <summary>Loads a catalog from a JSON file on disk.</summary>
    /// <param name="path">The path of the JSON file.</param>
    /// <returns>The validated catalog.</returns>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    /// <exception cref="CatalogValidationException">The file is not valid JSON or breaks a catalog rule; the message lists every problem.</exception>
    public static Catalog Load(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        using var stream = File.OpenRead(path);
        return Load(stream);
    }

    /// <summary>Loads a catalog from a stream of UTF-8 JSON; the caller keeps ownership of the stream.</summary>
    /// <param name="json">The stream to read.</param>
    /// <returns>The validated catalog.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is <see langword="null"/>.</exception>
    /// <exception cref="CatalogValidationException">The stream is not valid JSON or breaks a catalog rule; the message lists every problem.</exception>
    public static Catalog Load(Stream json)
    {
        ArgumentNullException.ThrowIfNull(json);
        CatalogJson? raw;
        try
        {
            raw = JsonSerializer.Deserialize(json, CatalogJsonContext.Default.CatalogJson);
        }
        catch (JsonException ex)
        {
            throw new CatalogValidationException(
                $"The catalog is not valid JSON ({ex.Message}); fix the syntax of the catalog data file.", ex);
        }

        return raw is null
            ? throw new CatalogValidationException("The catalog file holds null; write a JSON object with size_grid, categories and products.")
            : CatalogBuilder.Build(raw);
    }
}
