namespace Mirt.Host.Cli;

/// <summary>
/// Runs <c>mirt prompts lint</c> and <c>mirt prompts render</c>, the tools for whoever edits <c>prompts/</c>.
/// </summary>
/// <remarks>Exit codes: 0 clean or rendered, 1 problems found, 2 a usage error (unknown subcommand, bad option,
/// missing directory, unreadable sample).</remarks>
internal static class PromptsCommand
{
    public const string Usage = """
        usage: mirt prompts lint [--dir DIR]
               mirt prompts render STATE [--sample FILE.json] [--template NAME] [--dir DIR]
        """;

    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var subcommand = args.Count > 0 ? args[0] : null;
        return subcommand switch
        {
            "lint" => await PromptsLintCommand.RunAsync([.. args.Skip(1)], output, error, cancellationToken).ConfigureAwait(false),
            "render" => await PromptsRenderCommand.RunAsync([.. args.Skip(1)], output, error, cancellationToken).ConfigureAwait(false),
            _ => await UsageErrorAsync(error, subcommand is null ? "give a subcommand" : $"unknown subcommand '{subcommand}'").ConfigureAwait(false),
        };
    }

    /// <summary>Writes <c>mirt prompts: REASON</c> and the usage to <paramref name="error"/>.</summary>
    /// <returns>2, the usage-error exit code.</returns>
    public static async Task<int> UsageErrorAsync(TextWriter error, string reason)
    {
        await error.WriteLineAsync($"mirt prompts: {reason}.\n{Usage}").ConfigureAwait(false);
        return 2;
    }
}
