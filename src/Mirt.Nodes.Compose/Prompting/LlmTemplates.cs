using Mirt.Nodes.Abstractions.Replies;
using Mirt.Nodes.Compose.Prompting.Models;
using Mirt.Rules.Domain;

namespace Mirt.Nodes.Compose.Prompting;

/// <summary>
/// Declares the prompt templates of the LLM path under <c>prompts/llm/</c>. The system message is, in order:
/// <see cref="System"/>, <see cref="Facts"/>, <see cref="Contract"/>, the state's template (<see cref="ForState"/>)
/// and <see cref="Turn"/>; <see cref="Repair"/> asks again after a rejected answer.
/// </summary>
public static class LlmTemplates
{
    /// <summary>Gets the persona, tone and the rules the business insists on.</summary>
    public static readonly TemplateId<LlmPromptModel> System = new("llm/system");

    /// <summary>Gets the shop's facts: catalog with prices and SKUs, size grid, payment terms.</summary>
    public static readonly TemplateId<LlmPromptModel> Facts = new("llm/facts");

    /// <summary>Gets the output contract: the JSON fields and what each must hold.</summary>
    public static readonly TemplateId<LlmPromptModel> Contract = new("llm/contract");

    /// <summary>Gets the state summary of the turn with the rule draft.</summary>
    public static readonly TemplateId<LlmPromptModel> Turn = new("llm/turn");

    /// <summary>Gets the request to answer again, with the validation errors.</summary>
    public static readonly TemplateId<RepairModel> Repair = new("llm/repair");

    /// <summary>Gets the text that stands for a customer photo (the model of this path never sees images).</summary>
    public static readonly TemplateId<NoModel> PhotoMessage = new("llm/photo_message");

    private static readonly Dictionary<string, TemplateId<LlmPromptModel>> States = new(StringComparer.Ordinal)
    {
        [ConversationState.Init.Value] = new("llm/state/init"),
        [ConversationState.Discovery.Value] = new("llm/state/discovery"),
        [ConversationState.Vision.Value] = new("llm/state/vision"),
        [ConversationState.SizeColor.Value] = new("llm/state/size_color"),
        [ConversationState.Offer.Value] = new("llm/state/offer"),
        [ConversationState.PaymentDelivery.Value] = new("llm/state/payment"),
        [ConversationState.Upsell.Value] = new("llm/state/upsell"),
        [ConversationState.End.Value] = new("llm/state/end"),
        [ConversationState.Complaint.Value] = new("llm/state/complaint"),
        [ConversationState.OutOfDomain.Value] = new("llm/state/ood"),
    };

    /// <summary>Gets every template above and every state's template.</summary>
    public static IReadOnlyList<ITemplateId> All { get; } = [System, Facts, Contract, Turn, Repair, PhotoMessage, .. States.Values];

    /// <summary>Gets the guidance template of a conversation state.</summary>
    /// <param name="state">The state's wire name, for example <c>STATE_4_OFFER</c>.</param>
    /// <returns>The template, for example <c>llm/state/offer</c>.</returns>
    /// <exception cref="ArgumentException"><paramref name="state"/> is not a conversation state.</exception>
    public static TemplateId<LlmPromptModel> ForState(string state) =>
        state is not null && States.TryGetValue(state, out var template)
            ? template
            : throw new ArgumentException($"'{state}' is not a conversation state; use one of {string.Join(", ", States.Keys)}.", nameof(state));
}
