namespace Mirt.Host.Cli;

/// <summary>A sample file found for <c>mirt prompts render</c>: where it is, its text and what it holds.</summary>
/// <param name="Path">The file as given or found.</param>
/// <param name="Json">The file's text, for the composer's own reader.</param>
/// <param name="Sample">The file read as a <see cref="PromptSample"/>.</param>
internal sealed record PromptSampleFile(string Path, string Json, PromptSample Sample)
{
    /// <summary>Reads <paramref name="file"/> when given, else the first file under <c>samples/</c> (by name) for
    /// <paramref name="state"/>.</summary>
    /// <returns>The sample, or <see langword="null"/> when none was given and none is for the state.</returns>
    /// <exception cref="FileNotFoundException">The given file does not exist.</exception>
    /// <exception cref="InvalidDataException">A file is not a valid sample, or the given one is for another state.</exception>
    public static async Task<PromptSampleFile?> FindAsync(string directory, string state, string? file, CancellationToken cancellationToken)
    {
        if (file is not null)
        {
            if (!File.Exists(file))
            {
                throw new FileNotFoundException($"the sample file '{file}' does not exist", file);
            }

            var given = await ReadAsync(file, cancellationToken).ConfigureAwait(false);
            return given.Sample.State is null || string.Equals(given.Sample.State, state, StringComparison.Ordinal)
                ? given
                : throw new InvalidDataException($"the sample {file} is for {given.Sample.State}, not {state}; pass a sample of {state}");
        }

        var samples = System.IO.Path.Combine(directory, "samples");
        if (!Directory.Exists(samples))
        {
            return null;
        }

        foreach (var path in Directory.GetFiles(samples, "*.json").Order(StringComparer.Ordinal))
        {
            var sample = await ReadAsync(path, cancellationToken).ConfigureAwait(false);
            if (string.Equals(sample.Sample.State, state, StringComparison.Ordinal))
            {
                return sample;
            }
        }

        return null;
    }

    private static async Task<PromptSampleFile> ReadAsync(string path, CancellationToken cancellationToken)
    {
        var json = await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false);
        return new PromptSampleFile(path, json, PromptSample.Parse(path, json));
    }
}
