using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Mirt.Host.Bench;

/// <summary>Holds the <c>bench</c> command line.</summary>
/// <param name="Conversations">How many conversations run at once.</param>
/// <param name="Turns">How many turns each conversation has (one after another).</param>
/// <param name="Postgres">The PostgreSQL connection string; <see langword="null"/> runs on SQLite in a temporary folder.</param>
/// <param name="ModelLatency">The scripted model's latency, or <see langword="null"/> for the degraded (rule-only) flow.</param>
/// <param name="LongTurns">Runs one conversation of this many turns instead (long-conversation mode), or <see langword="null"/>.</param>
/// <param name="Warmup">How many warm-up turns run first, on conversations of their own, left out of every figure.</param>
/// <param name="MaxPool">The most PostgreSQL connections the store opens.</param>
/// <param name="Stored">How many extra conversations are seeded into the store before the warm-up, left out of every figure.</param>
internal sealed record BenchOptions(int Conversations, int Turns, string? Postgres, LognormalLatency? ModelLatency, int? LongTurns, int Warmup, int MaxPool, int Stored)
{
    /// <summary>Gets the command's usage.</summary>
    public const string Usage = """
        usage: mirt bench [--conversations N] [--turns K] [--postgres "CONNECTION STRING"] [--model-latency lognormal:MEDIAN_MS:P99_MS]
                          [--long TURNS] [--warmup N] [--max-pool N] [--stored N]
          --conversations N   conversations at once (default 200); each plays the scripted sales dialogue
          --turns K           turns per conversation, one after another (default 10)
          --postgres CS       PostgreSQL store (a database the user may create a schema in); default: SQLite in a temp folder
          --model-latency D   a scripted model whose latency is lognormal with that median and p99, in ms
          --long TURNS        long-conversation mode: one conversation of TURNS turns, figures at turns 10, 50, 100, 200, 300
          --warmup N          warm-up turns before measuring, on conversations of their own (default 100)
          --max-pool N        most PostgreSQL connections (default 8, as MIRT_POSTGRES_MAX_POOL)
          --stored N          before the warm-up, seed N stored conversations of 3 turns each through the running host
                              over HTTP, 32 at once (default 0); excluded from every figure, timed as seed_s
        prints one JSON line on standard output (fields: docs/PERFORMANCE.md); exit 0, 1 when a turn failed, 2 usage
        """;

    /// <summary>Parses the arguments after <c>bench</c>.</summary>
    /// <param name="args">The arguments.</param>
    /// <param name="options">The options when valid.</param>
    /// <param name="error">A sentence naming the problem when invalid.</param>
    /// <returns><see langword="true"/> when the arguments are valid.</returns>
    public static bool TryParse(IReadOnlyList<string> args, [NotNullWhen(true)] out BenchOptions? options, [NotNullWhen(false)] out string? error)
    {
        options = null;
        var parsed = new BenchOptions(200, 10, null, null, null, 100, 8, 0);
        for (var i = 0; i < args.Count; i += 2)
        {
            var name = args[i];
            if (i + 1 >= args.Count)
            {
                error = $"{name} needs a value.";
                return false;
            }

            var value = args[i + 1];
            (parsed, error) = name switch
            {
                "--conversations" => Number(value, 1, n => parsed with { Conversations = n }, name),
                "--turns" => Number(value, 1, n => parsed with { Turns = n }, name),
                "--long" => Number(value, 1, n => parsed with { LongTurns = n }, name),
                "--warmup" => Number(value, 0, n => parsed with { Warmup = n }, name),
                "--max-pool" => Number(value, 1, n => parsed with { MaxPool = n }, name),
                "--stored" => Number(value, 0, n => parsed with { Stored = n }, name),
                "--postgres" => string.IsNullOrWhiteSpace(value) ? (parsed, "--postgres needs a connection string.") : (parsed with { Postgres = value }, null),
                "--model-latency" => LognormalLatency.TryParse(value, out var latency)
                    ? (parsed with { ModelLatency = latency }, null)
                    : (parsed, $"--model-latency '{value}' is not lognormal:MEDIAN_MS:P99_MS with 0 < median <= p99, for example lognormal:2000:8000."),
                _ => (parsed, $"'{name}' is not a bench option."),
            };
            if (error is not null)
            {
                return false;
            }
        }

        options = parsed;
        error = null;
        return true;
    }

    private static (BenchOptions, string?) Number(string value, int min, Func<int, BenchOptions> apply, string name) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= min
            ? (apply(n), null)
            : (null!, $"{name} '{value}' must be a whole number of at least {min}.");
}
