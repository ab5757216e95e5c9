using Mirt.Graph.Execution;
using Mirt.Graph.State;
using Mirt.Nodes.Abstractions.Replies;
using Mirt.Nodes.Abstractions.State;
using Mirt.Rules.Domain;
using Mirt.Rules.Text;

namespace Mirt.Nodes.Abstractions.Flow;

/// <summary>
/// Gives sales nodes short ways to read the turn and to write replies and progress.
/// </summary>
public static class NodeContextExtensions
{
    /// <summary>Gets this turn's message, or an empty one when the turn carries none.</summary>
    /// <param name="context">The node context.</param>
    /// <returns>The message.</returns>
    public static CustomerMessage Message(this NodeContext context) =>
        context.Get(SalesKeys.Message) ?? new CustomerMessage(string.Empty, null, null);

    /// <summary>Tokenises this turn's message text for the rules.</summary>
    /// <param name="context">The node context.</param>
    /// <returns>The tokens.</returns>
    public static TokenizedText Text(this NodeContext context) => TokenizedText.From(context.Message().Text);

    /// <summary>Gets the current dialog phase.</summary>
    /// <param name="context">The node context.</param>
    /// <returns>The phase.</returns>
    public static DialogPhase Phase(this NodeContext context) => new(context.Get(SalesKeys.Phase));

    /// <summary>Gets the intent detected this turn.</summary>
    /// <param name="context">The node context.</param>
    /// <returns>The intent, or <see cref="Intent.UnknownOrEmpty"/> before detection.</returns>
    public static Intent Intent(this NodeContext context) => new(context.Get(SalesKeys.Intent) ?? Rules.Domain.Intent.UnknownOrEmpty.Value);

    /// <summary>Gets the shop data registered by the host.</summary>
    /// <param name="context">The node context.</param>
    /// <returns>The data.</returns>
    /// <exception cref="InvalidOperationException">The host registered no <see cref="ShopData"/>.</exception>
    public static ShopData Shop(this NodeContext context) => context.Require<ShopData>();

    /// <summary>Renders a template and returns the writes that add it to this turn's replies.</summary>
    /// <typeparam name="TModel">The model type.</typeparam>
    /// <param name="context">The node context.</param>
    /// <param name="template">The template.</param>
    /// <param name="model">Its model.</param>
    /// <returns>Two writes: the reply text and the template name.</returns>
    /// <exception cref="InvalidOperationException">The host registered no <see cref="IReplyRenderer"/>.</exception>
    public static StateWrite[] Say<TModel>(this NodeContext context, TemplateId<TModel> template, TModel model)
        where TModel : notnull
    {
        ArgumentNullException.ThrowIfNull(template);
        return [SalesKeys.Replies.Set([context.Render(template, model)]), SalesKeys.Templates.Set([template.Name])];
    }

    /// <summary>Renders a template to text without adding it to the replies (for nodes that assemble the final reply).</summary>
    /// <typeparam name="TModel">The model type.</typeparam>
    /// <param name="context">The node context.</param>
    /// <param name="template">The template.</param>
    /// <param name="model">Its model.</param>
    /// <returns>The rendered text.</returns>
    /// <exception cref="InvalidOperationException">The host registered no <see cref="IReplyRenderer"/>.</exception>
    public static string Render<TModel>(this NodeContext context, TemplateId<TModel> template, TModel model)
        where TModel : notnull =>
        context.Require<IReplyRenderer>().Render(template, model);

    /// <summary>
    /// Returns the writes that hand the conversation to a human manager: the phase becomes
    /// <see cref="DialogPhase.Escalated"/> in <paramref name="state"/>, and a hand-off escalation carries the reason.
    /// </summary>
    /// <param name="context">The node context.</param>
    /// <param name="state">The conversation state the hand-off happens in.</param>
    /// <param name="reason">The stable upper-case reason, for example <c>COMPLAINT</c>.</param>
    /// <returns>The writes.</returns>
    public static StateWrite[] HandOff(this NodeContext context, ConversationState state, string reason) =>
        [.. context.MoveTo(state, DialogPhase.Escalated), SalesKeys.Escalation.Set(new Escalation(Escalation.Handoff, reason))];

    /// <summary>Returns the writes that move the conversation to a state and phase.</summary>
    /// <param name="context">The node context.</param>
    /// <param name="state">The conversation state.</param>
    /// <param name="phase">The dialog phase where the next message resumes.</param>
    /// <returns>The writes.</returns>
    public static StateWrite[] MoveTo(this NodeContext context, ConversationState state, DialogPhase phase)
    {
        ArgumentNullException.ThrowIfNull(context);
        return [SalesKeys.State.Set(state.Value), SalesKeys.Phase.Set(phase.Value)];
    }

    private static T Require<T>(this NodeContext context)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Services.GetService(typeof(T)) as T
            ?? throw new InvalidOperationException($"No {typeof(T).Name} is registered; pass a service provider that has one in GraphRunnerOptions.Services.");
    }
}
