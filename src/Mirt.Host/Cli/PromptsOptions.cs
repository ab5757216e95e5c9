using Mirt.Sales.Prompts;

namespace Mirt.Host.Cli;

/// <summary>The options <c>mirt prompts</c> subcommands share: <c>--dir DIR</c> and positional arguments.</summary>
/// <param name="Directory">The prompts directory given with <c>--dir</c>, or <see langword="null"/>.</param>
/// <param name="Values">Other options by name (<c>--sample</c> → file).</param>
/// <param name="Positional">The arguments that are not options, in order.</param>
internal sealed record PromptsOptions(string? Directory, IReadOnlyDictionary<string, string> Values, IReadOnlyList<string> Positional)
{
    /// <summary>Reads <paramref name="args"/>; every option takes one value.</summary>
    /// <param name="args">The arguments after the subcommand.</param>
    /// <param name="known">The options allowed besides <c>--dir</c>.</param>
    /// <param name="problem">Why the arguments are wrong, or <see langword="null"/>.</param>
    /// <returns>The options, or <see langword="null"/> when <paramref name="problem"/> is set.</returns>
    public static PromptsOptions? Parse(IReadOnlyList<string> args, IReadOnlyCollection<string> known, out string? problem)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var positional = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal))
            {
                positional.Add(arg);
                continue;
            }

            if (arg != "--dir" && !known.Contains(arg))
            {
                problem = $"unknown option '{arg}'";
                return null;
            }

            if (i + 1 >= args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                problem = $"'{arg}' needs a value";
                return null;
            }

            values[arg] = args[++i];
        }

        problem = null;
        var directory = values.Remove("--dir", out var dir) ? dir : null;
        return new PromptsOptions(directory, values, positional);
    }

    /// <summary>
    /// Finds the prompts directory an author means: <c>--dir</c>, else <c>MIRT_PROMPTS_DIR</c>, else the nearest
    /// <c>prompts/</c> at or above the working directory (the checkout being edited), else the copy next to the
    /// executable.
    /// </summary>
    /// <returns>The full path of an existing directory.</returns>
    /// <exception cref="DirectoryNotFoundException">The directory does not exist or none was found.</exception>
    public string ResolveDirectory()
    {
        if (Directory is not null)
        {
            return System.IO.Directory.Exists(Directory)
                ? Path.GetFullPath(Directory)
                : throw new DirectoryNotFoundException($"the prompts directory '{Directory}' (--dir) does not exist");
        }

        var configured = Environment.GetEnvironmentVariable("MIRT_PROMPTS_DIR");
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return PromptsDirectory.Resolve(configured);
        }

        for (var dir = new DirectoryInfo(System.IO.Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "prompts");
            if (System.IO.Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        return PromptsDirectory.Resolve(null);
    }
}
