using System.Text;

namespace Mirt.Prompts.Loading;

/// <summary>Reads every <c>*.hbs</c> file under a prompts directory.</summary>
internal static class PromptSourceReader
{
    /// <summary>The extension of template files.</summary>
    public const string Extension = ".hbs";

    /// <summary>Reads all template files, ordered by relative path (ordinal).</summary>
    /// <exception cref="DirectoryNotFoundException">The directory does not exist.</exception>
    public static IReadOnlyList<PromptSource> Read(string directory)
    {
        var root = Path.GetFullPath(directory);
        if (!Directory.Exists(root))
        {
            throw new DirectoryNotFoundException(
                $"The prompts directory '{root}' does not exist; pass the path of the folder that holds the *.hbs templates.");
        }

        var sources = new List<PromptSource>();
        foreach (var file in Directory.EnumerateFiles(root, "*" + Extension, SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(root, file).Replace('\\', '/');
            var name = relative[..^Extension.Length];
            sources.Add(new PromptSource(relative, name, File.ReadAllText(file, Encoding.UTF8)));
        }

        sources.Sort((left, right) => string.CompareOrdinal(left.RelativePath, right.RelativePath));
        return sources;
    }
}
