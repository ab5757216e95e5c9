namespace Mirt.Sales.Prompts;

/// <summary>
/// Finds the <c>prompts/</c> directory: an explicit setting, else the copy next to the executable, else the
/// nearest <c>prompts/</c> above the working directory (a source checkout).
/// </summary>
public static class PromptsDirectory
{
    /// <summary>Resolves the prompts directory.</summary>
    /// <param name="configured">The configured path (<c>MIRT_PROMPTS_DIR</c>), or <see langword="null"/>.</param>
    /// <returns>The full path of an existing directory.</returns>
    /// <exception cref="DirectoryNotFoundException">No prompts directory was found; the message lists where it looked.</exception>
    public static string Resolve(string? configured)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return Directory.Exists(configured)
                ? Path.GetFullPath(configured)
                : throw new DirectoryNotFoundException($"The prompts directory '{configured}' (MIRT_PROMPTS_DIR) does not exist; point it at the repository's prompts/ folder.");
        }

        var candidates = new List<string> { Path.Combine(AppContext.BaseDirectory, "prompts") };
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            candidates.Add(Path.Combine(dir.FullName, "prompts"));
        }

        return candidates.FirstOrDefault(Directory.Exists)
            ?? throw new DirectoryNotFoundException($"No prompts directory found; looked in {string.Join(", ", candidates.Take(3))}…; set MIRT_PROMPTS_DIR.");
    }
}
