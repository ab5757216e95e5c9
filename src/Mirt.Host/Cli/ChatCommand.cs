using Mirt.Host.Web;
using Mirt.Sales.Assistant;

namespace Mirt.Host.Cli;

/// <summary>
/// Runs <c>chat</c>: an interactive conversation in the terminal showing each reply with its state and phase.
/// A line starting with <c>/photo URL</c> sends an image; <c>/quit</c> or end of input stops.
/// </summary>
internal static class ChatCommand
{
    public static async Task<int> RunAsync(SalesAssistant assistant, string thread, TextReader input, TextWriter output, ILogger logger, CancellationToken cancellationToken)
    {
        await output.WriteLineAsync($"mirt chat: thread '{thread}', {(assistant.Degraded ? "degraded (rule-only) mode" : "LLM mode")}. /photo URL sends an image, /quit ends.").ConfigureAwait(false);
        while (true)
        {
            await output.WriteAsync("> ").ConfigureAwait(false);
            await output.FlushAsync(cancellationToken).ConfigureAwait(false);
            if (await input.ReadLineAsync(cancellationToken).ConfigureAwait(false) is not { } line || line.Trim() == "/quit")
            {
                return 0;
            }

            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var (text, image) = line.StartsWith("/photo ", StringComparison.Ordinal) ? (string.Empty, line[7..].Trim()) : (line, null);
            var reply = await assistant.HandleAsync(new IncomingMessage(thread, text, image), cancellationToken).ConfigureAwait(false);
            TurnLog.Write(logger, reply);
            foreach (var bubble in reply.Replies)
            {
                await output.WriteLineAsync($"  {bubble.Replace("\n", "\n  ", StringComparison.Ordinal)}").ConfigureAwait(false);
            }

            var escalation = reply.Escalation is null ? string.Empty : $" escalation={reply.Escalation.Level}:{reply.Escalation.Reason}";
            await output.WriteLineAsync($"  [{reply.State} / {reply.Phase} / {reply.Intent}{escalation}, {reply.LatencyMs} ms]").ConfigureAwait(false);
        }
    }
}
