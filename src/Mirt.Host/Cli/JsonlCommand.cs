using System.Text.Json;
using System.Text.Json.Serialization;
using Mirt.Host.Web;
using Mirt.Sales.Assistant;

namespace Mirt.Host.Cli;

/// <summary>
/// Runs <c>chat --jsonl</c>: reads one JSON object per line from standard input and writes one JSON line per input
/// to standard output (logs go to standard error), so evaluations can drive the bot.
/// </summary>
internal static class JsonlCommand
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static async Task<int> RunAsync(SalesAssistant assistant, TextReader input, TextWriter output, ILogger logger, CancellationToken cancellationToken)
    {
        var failures = 0;
        var lineNumber = 0;
        while (await input.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            BatchInput? batch;
            try
            {
                batch = JsonSerializer.Deserialize<BatchInput>(line, Json);
            }
            catch (JsonException ex)
            {
                failures++;
                await output.WriteLineAsync(JsonSerializer.Serialize(new { line = lineNumber, error = $"Line {lineNumber} is not valid JSON: {ex.Message}" }, Json)).ConfigureAwait(false);
                continue;
            }

            if (batch is null || string.IsNullOrWhiteSpace(batch.Thread))
            {
                failures++;
                await output.WriteLineAsync(JsonSerializer.Serialize(new { line = lineNumber, error = $"Line {lineNumber} has no \"thread\"." }, Json)).ConfigureAwait(false);
                continue;
            }

            var reply = await assistant.HandleAsync(new IncomingMessage(batch.Thread, batch.Text ?? string.Empty, batch.ImageUrl, null, batch.StartState), cancellationToken).ConfigureAwait(false);
            TurnLog.Write(logger, reply);
            await output.WriteLineAsync(JsonSerializer.Serialize(BatchOutput.From(reply), Json)).ConfigureAwait(false);
            await output.FlushAsync(cancellationToken).ConfigureAwait(false);
        }

        return failures == 0 ? 0 : 1;
    }

    private sealed record BatchInput(string? Thread, string? Text, string? ImageUrl, string? StartState);
}
