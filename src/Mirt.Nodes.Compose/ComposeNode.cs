using Microsoft.Extensions.AI;
using Mirt.Graph.Execution;
using Mirt.Graph.State;
using Mirt.Nodes.Abstractions.Flow;
using Mirt.Nodes.Abstractions.State;
using Mirt.Nodes.Compose.Applying;
using Mirt.Nodes.Compose.Prompting;
using Mirt.Nodes.Compose.Validation;

namespace Mirt.Nodes.Compose;

/// <summary>
/// Turns the rule flow's draft into the model's reply when a chat client is configured (issue 4, structured replies):
/// composes the prompt from <c>prompts/llm/</c>, asks for a JSON reply, validates it, repairs an invalid one once,
/// and keeps the rule-only draft — explicitly degraded, with a reason — when there is no client, the model times out
/// or fails, or no valid answer comes.
/// </summary>
/// <param name="knownTemplates">The names of every template of the graph, none of which may appear in a reply.</param>
/// <remarks>
/// Reads from the node services: <see cref="IChatClient"/> (optional; without it every turn is degraded
/// <c>no_llm</c>), <see cref="LlmReplyOptions"/> (optional), <see cref="PermittedTransition"/> (the sales state
/// machine's check; without it the model must keep the rules' state), the reply renderer, the shop data and an
/// optional <c>ILoggerFactory</c>. The call carries <see cref="ChatOptions.AdditionalProperties"/>
/// <c>mirt.node</c>=<c>compose</c>, <c>mirt.state</c> and <c>mirt.intent</c> for middleware and scripted models.
/// </remarks>
public sealed class ComposeNode(IEnumerable<string>? knownTemplates = null) : INode
{
    /// <summary>Gets the value of <c>mirt.node</c> on this node's calls.</summary>
    public const string NodeTag = "compose";

    private readonly IReadOnlyList<string> _knownTemplates = [.. knownTemplates ?? []];

    /// <inheritdoc />
    public async ValueTask<NodeResult> InvokeAsync(NodeContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var services = ComposeServices.From(context);
        var summary = TurnFacts.Summarize(context, services.Options.MaxBubbleBytes);
        if (services.Client is not { } client)
        {
            ComposeLog.NoClient(services.Logger, summary.State);
            return NodeResult.Continue(SalesKeys.DegradedReason.Set(context.Get(SalesKeys.DegradedReason) ?? DegradedReasons.NoLlm));
        }

        var input = new ComposeInput(services.Shop, summary, context.Get(SalesKeys.Transcript), context.Message());
        var composer = new LlmPromptComposer(services.Renderer, services.Options);
        var prompt = composer.Compose(input);
        var validation = TurnFacts.ForValidation(input, prompt, services, _knownTemplates);
        var attempt = new ComposeAttempt(client, services, summary, ChatOptionsFor(services.Options, summary));
        var outcome = await attempt.RunAsync(composer, prompt, validation, context.Time, cancellationToken).ConfigureAwait(false);

        // A node before this one (vision) may have counted a rejected answer or degraded the turn already: counts add
        // up, and the first reason stays.
        List<StateWrite> writes = [SalesKeys.ModelRejections.Set(context.Get(SalesKeys.ModelRejections) + outcome.Rejections)];
        if (outcome.Reply is { } reply)
        {
            ComposeLog.ReplyUsed(services.Logger, summary.State, summary.Intent, outcome.Calls, reply.Confidence);
            writes.AddRange(ReplyApplier.Apply(context, reply, outcome.Templates, services.CanMove));
        }
        else
        {
            ComposeLog.Degraded(services.Logger, outcome.DegradedReason!, summary.State, summary.Intent, outcome.Calls, outcome.ErrorType ?? "-");
            writes.Add(SalesKeys.DegradedReason.Set(context.Get(SalesKeys.DegradedReason) ?? outcome.DegradedReason));
        }

        return NodeResult.Continue(writes);
    }

    private static ChatOptions ChatOptionsFor(LlmReplyOptions options, TurnSummary summary) => new()
    {
        ResponseFormat = Contract.StructuredReplySchema.ResponseFormat,
        Temperature = options.Temperature,
        MaxOutputTokens = options.MaxOutputTokens,
        AdditionalProperties = new AdditionalPropertiesDictionary
        {
            [ChatOptionKeys.Node] = NodeTag,
            [ChatOptionKeys.State] = summary.State,
            [ChatOptionKeys.Intent] = summary.Intent,
        },
    };
}
