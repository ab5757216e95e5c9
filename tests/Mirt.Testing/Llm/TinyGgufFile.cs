using System.Security.Cryptography;

namespace Mirt.Testing.Llm;

/// <summary>Puts the <see cref="TinyGguf"/> model in a file for llama-server, once per process.</summary>
public static class TinyGgufFile
{
    private static readonly Lazy<string> File = new(WriteFile);

    /// <summary>Gets the model file's path, writing the file on first use:
    /// <c>&lt;temp&gt;/mirt-tiny-&lt;hash&gt;.gguf</c>. The name carries a hash of the content, so processes share one
    /// file and a changed generator never reads a stale one.</summary>
    public static string Path => File.Value;

    private static string WriteFile()
    {
        var bytes = TinyGguf.Create();
        var hash = Convert.ToHexStringLower(SHA256.HashData(bytes))[..16];
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"{TinyGguf.Name}-{hash}.gguf");
        if (System.IO.File.Exists(path) && new FileInfo(path).Length == bytes.Length)
        {
            return path;
        }

        // Write aside and rename, so a concurrent test process never loads a half-written file.
        var partial = $"{path}.{Environment.ProcessId}.partial";
        System.IO.File.WriteAllBytes(partial, bytes);
        System.IO.File.Move(partial, path, overwrite: true);
        return path;
    }
}
