namespace Mirt.Testing.Llm;

/// <summary>Finds the llama-server program that <c>scripts/build-llama-server</c> builds.</summary>
public static class LlamaServerBinary
{
    /// <summary>The environment variable that names the program explicitly.</summary>
    public const string EnvironmentVariable = "MIRT_LLAMA_SERVER";

    /// <summary>Gets where <c>scripts/build-llama-server</c> puts the program:
    /// <c>${MIRT_CACHE_DIR:-$HOME/.cache/mirt}/llama/src/build/bin/llama-server</c>.</summary>
    public static string CachePath
    {
        get
        {
            var cache = Environment.GetEnvironmentVariable("MIRT_CACHE_DIR");
            if (string.IsNullOrEmpty(cache))
            {
                cache = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache", "mirt");
            }

            return Path.Combine(cache, "llama", "src", "build", "bin", "llama-server");
        }
    }

    /// <summary>Returns the program's path: <see cref="EnvironmentVariable"/> when set, else <see cref="CachePath"/>.</summary>
    /// <returns>The full path of an existing file.</returns>
    /// <exception cref="InvalidOperationException">The program is not there; the message says how to build it.</exception>
    public static string Locate()
    {
        var explicitPath = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(explicitPath))
        {
            return File.Exists(explicitPath)
                ? Path.GetFullPath(explicitPath)
                : throw new InvalidOperationException($"{EnvironmentVariable} names {explicitPath}, which does not exist; point it at a llama-server binary or unset it to use the one `bash scripts/build-llama-server` builds.");
        }

        return File.Exists(CachePath)
            ? CachePath
            : throw new InvalidOperationException($"llama-server was not found at {CachePath}; build it once with `bash scripts/build-llama-server` (about 5 minutes; scripts/install-test-deps does it too) or set {EnvironmentVariable} to an existing binary.");
    }
}
