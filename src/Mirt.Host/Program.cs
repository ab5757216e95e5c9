using Mirt.Host.Cli;
using Mirt.Host.Media;
using Mirt.Host.Observability;
using Mirt.Host.Prompts;
using Mirt.Host.Settings;
using Mirt.Host.Web;
using Mirt.Prompts;
using Mirt.Rules.Catalog;
using Mirt.Sales.Assistant;

namespace Mirt.Host;

/// <summary>
/// Starts the ManyChat webhook host (no arguments, or <c>serve</c>) or one of the CLI commands: <c>chat</c>,
/// <c>chat --jsonl</c>, <c>graph</c>, <c>prune</c>, <c>canary status</c>, <c>slo</c>, <c>prompts lint</c>, <c>prompts render</c>, <c>bench</c>.
/// </summary>
public static class Program
{
    /// <summary>Runs the host or a CLI command.</summary>
    /// <param name="args">The command line.</param>
    /// <returns>0 on success (and PROMOTE); 1 when a batch line failed; 2 when start-up failed (broken data, templates or
    /// settings) or a command was misused; 3 ROLLBACK and 4 WAIT from <c>canary status</c>.</returns>
    public static async Task<int> Main(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var command = args.FirstOrDefault() ?? "serve";
        try
        {
            return command switch
            {
                "serve" => await ServeAsync(args).ConfigureAwait(false),
                "chat" => await ChatAsync(args).ConfigureAwait(false),
                "graph" => await GraphAsync(args).ConfigureAwait(false),
                "prune" => await PruneAsync(args).ConfigureAwait(false),
                "canary" => await CanaryStatusCommand.RunAsync(args[1..], Console.Out, Console.Error, CancellationToken.None).ConfigureAwait(false),
                "slo" => await SloCommand.RunAsync(args[1..], Console.Out, Console.Error, CancellationToken.None).ConfigureAwait(false),
                "prompts" => await PromptsCommand.RunAsync(args[1..], Console.Out, Console.Error, CancellationToken.None).ConfigureAwait(false),
                "bench" => await Bench.BenchCommand.RunAsync(args[1..], Console.Out, Console.Error, CancellationToken.None).ConfigureAwait(false),
                "--help" or "-h" or "help" => Usage(0),
                _ => Usage(2),
            };
        }
        catch (Exception ex) when (ex is PromptValidationException or CatalogValidationException or Mirt.Rules.Shop.ShopProfileValidationException or DirectoryNotFoundException or NotSupportedException or InvalidOperationException)
        {
            await Console.Error.WriteLineAsync($"mirt: start-up failed: {ex.Message}").ConfigureAwait(false);
            return 2;
        }
    }

    private static async Task<int> ServeAsync(string[] args)
    {
        var builder = WebApplication.CreateSlimBuilder(args.Skip(1).ToArray());
        var settings = MirtSettings.From(builder.Configuration).PreferCheckoutPrompts(builder.Environment);
        using var storeLogging = HostLogging.ForStores(builder.Configuration);
        await using var host = await MirtWebApp.CreateAsync(builder, settings, storeLogging).ConfigureAwait(false);
        await host.App.RunAsync().ConfigureAwait(false);
        return 0;
    }

    private static async Task<int> ChatAsync(string[] args)
    {
        var (assistant, loggers) = await CreateForCliAsync().ConfigureAwait(false);
        await using var _ = assistant;
        using var __ = loggers;
        var logger = loggers.CreateLogger("Mirt.Cli");
        if (args.Contains("--jsonl"))
        {
            return await JsonlCommand.RunAsync(assistant, Console.In, Console.Out, logger, CancellationToken.None).ConfigureAwait(false);
        }

        var threadIndex = Array.IndexOf(args, "--thread");
        var thread = threadIndex > 0 && threadIndex + 1 < args.Length ? args[threadIndex + 1] : "cli-local";
        return await ChatCommand.RunAsync(assistant, thread, Console.In, Console.Out, logger, CancellationToken.None).ConfigureAwait(false);
    }

    private static async Task<int> GraphAsync(string[] args)
    {
        var diagram = args.Contains("--states") ? Sales.Graph.SalesStateMachine.Definition.ToMermaid() : Sales.Graph.SalesGraph.Build().ToMermaid();
        await Console.Out.WriteAsync(diagram).ConfigureAwait(false);
        return 0;
    }

    private static async Task<(SalesAssistant Assistant, ILoggerFactory Loggers)> CreateForCliAsync()
    {
        var configuration = new ConfigurationBuilder().AddEnvironmentVariables().Build();
        var settings = MirtSettings.From(configuration);

        // Standard output carries only replies (the batch contract); every log line goes to standard error.
        var loggers = HostLogging.ForCli(configuration);

        // The CLI's fetcher lives as long as the process: commands run once and exit.
        var media = new HttpImageFetcher(MediaSettings.From(configuration), loggers.CreateLogger("Mirt.Host.Media"));
        var chat = settings.Llm.CreateClient(loggers, TimeProvider.System);
        var assistant = await SalesAssistant.CreateAsync(settings.ToAssistantOptions(loggers, media, chatClient: chat)).ConfigureAwait(false);
        var logger = loggers.CreateLogger("Mirt.Cli");
        HostLog.StoreOpened(logger, assistant.StoreDescription, assistant.PromptsDirectory);
        if (assistant.Degraded)
        {
            HostLog.DegradedAtStartup(logger);
        }
        else
        {
            var llm = settings.Llm.Describe();
            HostLog.LlmConfigured(logger, llm);
        }

        CanaryLog.AtStartup(logger, settings.Canary);
        return (assistant, loggers);
    }

    private static async Task<int> PruneAsync(string[] args)
    {
        var at = Array.IndexOf(args, "--older-than");
        if (at < 0 || at + 1 >= args.Length || !RetentionAge.TryParse(args[at + 1], out var age))
        {
            await Console.Error.WriteLineAsync("mirt prune: give --older-than AGE, for example 30d, 12h or 90m.").ConfigureAwait(false);
            return 2;
        }

        var (assistant, loggers) = await CreateForCliAsync().ConfigureAwait(false);
        await using var _ = assistant;
        using var __ = loggers;
        var deleted = await assistant.PruneOlderThanAsync(age).ConfigureAwait(false);
        await using var delivery = await Delivery.DeliveryComposition.OpenStoreAsync(MirtSettings.From(new ConfigurationBuilder().AddEnvironmentVariables().Build()), loggers).ConfigureAwait(false);
        var rows = await delivery.PruneAsync(TimeProvider.System.GetUtcNow() - age).ConfigureAwait(false);
        await Console.Out.WriteLineAsync(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"pruned {deleted} checkpoints older than {args[at + 1]}; the latest checkpoint of every conversation is kept")).ConfigureAwait(false);
        await Console.Out.WriteLineAsync(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"pruned {rows} delivery rows older than {args[at + 1]} (answered messages, finished turns, sent pushes; follow-up marks are kept)")).ConfigureAwait(false);
        return 0;
    }

    private static int Usage(int exitCode)
    {
        var text = """
            usage: mirt [serve | chat [--thread ID] | chat --jsonl | graph [--states] | prune --older-than AGE
                         | canary status --metrics URL [--min-turns N] | slo --from URL | prompts lint|render … | bench …]
              serve         run the ManyChat webhook host (default; MIRT_URLS, MIRT_MANYCHAT_TOKEN, MIRT_DATA_DIR)
              chat          talk to the bot in the terminal
              chat --jsonl  batch: JSON lines in on stdin, JSON lines out on stdout
              graph         print the conversation graph as a Mermaid diagram (--states: the state machine)
              prune --older-than AGE
                            delete checkpoints older than AGE (30d, 12h, 90m), keeping each conversation's latest
              canary status --metrics URL [--min-turns N]
                            compare canary with stable from the host's /metrics (end-to-end p95/p99, error and
                            escalation rates); last line PROMOTE (exit 0), ROLLBACK (3) or WAIT (4, a release has
                            fewer than N turns, default 100); 2 on a usage or scrape error
              slo --from URL
                            print every SLO from the host's /metrics: target, current value, error budget left
              prompts lint [--dir DIR]
                            check every template (compiles, known variables, size budget, no copied rule text);
                            one `file.hbs:LINE:COL: message` line per problem; exit 0 clean, 1 problems, 2 usage
              prompts render STATE [--sample FILE.json] [--template NAME] [--dir DIR]
                            print what the model receives in STATE (or one template) for a sample from prompts/samples
              bench [--conversations N] [--turns K] [--postgres CS] [--long TURNS] [--model-latency lognormal:MS:MS]
                            drive the real host on loopback as ManyChat would; one JSON line of figures (docs/PERFORMANCE.md)
            """;
        (exitCode == 0 ? Console.Out : Console.Error).WriteLine(text);
        return exitCode;
    }
}
