namespace Mirt.Testing;

/// <summary>Makes a canary prompt set: a temporary copy of the repository's prompts with a marker in front of every
/// template (partials excepted), so a test can tell which release rendered a reply.</summary>
public sealed class CanaryPrompts : IDisposable
{
    public const string Marker = "[canary] ";

    public CanaryPrompts()
    {
        Directory = System.IO.Directory.CreateTempSubdirectory("mirt-canary-prompts-").FullName;
        foreach (var file in System.IO.Directory.EnumerateFiles(RepoPaths.Prompts, "*.hbs", SearchOption.AllDirectories))
        {
            var target = Path.Combine(Directory, Path.GetRelativePath(RepoPaths.Prompts, file));
            System.IO.Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            // Partials (prompts/shared) render inside other templates; marking them too would mark a reply twice.
            var isPartial = Path.GetRelativePath(RepoPaths.Prompts, file).StartsWith("shared" + Path.DirectorySeparatorChar, StringComparison.Ordinal);
            File.WriteAllText(target, (isPartial ? string.Empty : Marker) + File.ReadAllText(file));
        }
    }

    public string Directory { get; }

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);
}
