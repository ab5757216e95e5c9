using System.Text;

namespace Mirt.Prompts.Tests.Support;

/// <summary>A fresh prompts directory under the temp folder, deleted on dispose.</summary>
public sealed class TempPromptDirectory : IDisposable
{
    public TempPromptDirectory()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "mirt-prompts-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public TempPromptDirectory Write(string relativePath, string text)
    {
        var file = System.IO.Path.Combine(Path, relativePath);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(file)!);
        File.WriteAllText(file, text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        return this;
    }

    public void Dispose()
    {
        if (Directory.Exists(Path))
        {
            Directory.Delete(Path, recursive: true);
        }
    }
}
