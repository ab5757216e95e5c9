using Microsoft.Extensions.AI;
using Mirt.Nodes.Abstractions.State;
using Mirt.Nodes.Compose.Prompting;
using Mirt.Nodes.Compose.Validation;

namespace Mirt.Nodes.Compose;

/// <summary>
/// Runs the model calls of one compose step under one deadline: ask, validate, repair with the errors up to
/// <see cref="LlmReplyOptions.MaxRepairAttempts"/> times, and report how it ended.
/// </summary>
internal sealed class ComposeAttempt(IChatClient client, ComposeServices services, TurnSummary summary, ChatOptions chatOptions)
{
    public async Task<ComposeOutcome> RunAsync(LlmPromptComposer composer, ComposedPrompt prompt, ReplyValidationContext validation, TimeProvider time, CancellationToken cancellationToken)
    {
        using var deadline = new CancellationTokenSource(services.Options.Deadline, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        var calls = 0;
        var rejections = 0;
        var current = prompt;
        while (true)
        {
            string answer;
            calls++;
            try
            {
                var response = await client.GetResponseAsync(current.Messages, chatOptions, linked.Token).ConfigureAwait(false);
                answer = response.Text;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw;
            }
            catch (Exception ex) when (TimeoutCause.IsTimeout(ex))
            {
                return Degraded(DegradedReasons.Timeout, calls, rejections, current, ex);
            }
#pragma warning disable CA1031 // Any failure of the model call falls back to the rule-only draft; the type is logged.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                return Degraded(DegradedReasons.LlmError, calls, rejections, current, ex);
            }

            var result = StructuredReplyValidator.Validate(answer, validation);
            if (result.IsValid)
            {
                return new ComposeOutcome(result.Reply, null, calls, rejections, current.Templates);
            }

            rejections++;
            ComposeLog.Rejected(services.Logger, summary.State, calls, result.Errors);
            if (rejections > services.Options.MaxRepairAttempts)
            {
                return new ComposeOutcome(null, DegradedReasons.InvalidReply, calls, rejections, current.Templates);
            }

            current = composer.Repair(prompt, answer, result.Errors);
        }
    }

    private static ComposeOutcome Degraded(string reason, int calls, int rejections, ComposedPrompt prompt, Exception error) =>
        new(null, reason, calls, rejections, prompt.Templates, error.GetType().Name);
}
