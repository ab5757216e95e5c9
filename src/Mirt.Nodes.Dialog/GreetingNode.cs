using Mirt.Graph.Execution;
using Mirt.Nodes.Abstractions.Flow;
using Mirt.Nodes.Abstractions.State;
using Mirt.Rules.Domain;

namespace Mirt.Nodes.Dialog;

/// <summary>
/// Answers a bare greeting with the persona's welcome and asks what the customer is looking for.
/// </summary>
public sealed class GreetingNode : INode
{
    /// <inheritdoc />
    public ValueTask<NodeResult> InvokeAsync(NodeContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var shop = context.Shop().Shop;
        var model = new WelcomeModel(context.Message().FirstName, shop.PersonaName, shop.ShopName);
        var phase = context.Phase();
        var midSale = phase != DialogPhase.New && phase != DialogPhase.Completed && phase != DialogPhase.WaitingForNeeds;
        var progress = midSale ? [] : context.MoveTo(ConversationState.Discovery, DialogPhase.WaitingForNeeds);
        return ValueTask.FromResult(NodeResult.Continue(
        [
            .. context.Say(DialogTemplates.Welcome, model),
            .. progress,
            SalesKeys.LastGreetedOn.Set(Today(context)),
        ]));
    }

    internal static string Today(NodeContext context) =>
        context.Time.GetUtcNow().ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
