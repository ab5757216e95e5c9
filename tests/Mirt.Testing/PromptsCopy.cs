using System.Text;

namespace Mirt.Testing;

/// <summary>A temporary full copy of the repository's <c>prompts/</c> (templates and samples) that a test may edit;
/// deleted on dispose.</summary>
public sealed class PromptsCopy : IDisposable
{
    public PromptsCopy()
    {
        Root = System.IO.Directory.CreateTempSubdirectory("mirt-prompts-copy-").FullName;
        Directory = Path.Combine(Root, "prompts");
        foreach (var file in System.IO.Directory.EnumerateFiles(RepoPaths.Prompts, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(Directory, Path.GetRelativePath(RepoPaths.Prompts, file));
            System.IO.Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    /// <summary>Gets the folder that holds <see cref="Directory"/>: a working directory from which it is <c>prompts/</c>.</summary>
    public string Root { get; }

    /// <summary>Gets the copied prompts directory.</summary>
    public string Directory { get; }

    /// <summary>Reads a template, e.g. <c>offer/made.hbs</c>.</summary>
    public string Read(string relativePath) => File.ReadAllText(Path.Combine(Directory, relativePath));

    /// <summary>Overwrites (or creates) a file, UTF-8 without BOM, as an editor saving it would.</summary>
    public void Write(string relativePath, string text)
    {
        var file = Path.Combine(Directory, relativePath);
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        File.WriteAllText(file, text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
    }

    public void Dispose() => System.IO.Directory.Delete(Root, recursive: true);
}
