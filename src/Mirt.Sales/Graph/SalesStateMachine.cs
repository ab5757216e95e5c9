using Mirt.Graph.Phases;
using Mirt.Rules.Domain;

namespace Mirt.Sales.Graph;

/// <summary>
/// Declares which conversation states may follow which (DOMAIN.md, Conversation states). A trigger is named after the
/// state it enters; every node's move is checked against this machine, so a node that skips a stage (for example
/// from first contact straight to payment) is a bug caught in tests, not a surprise for a customer.
/// </summary>
public static class SalesStateMachine
{
    private static readonly ConversationState[] Selling =
    [
        ConversationState.Discovery, ConversationState.Vision, ConversationState.SizeColor, ConversationState.Offer,
    ];

    private static readonly ConversationState[] Anytime =
    [
        ConversationState.Complaint, ConversationState.OutOfDomain, ConversationState.End,
    ];

    /// <summary>Gets the frozen machine; use <see cref="StateMachine{TState, TTrigger}.WithState(TState)"/> per check.</summary>
    public static StateMachine<string, string> Definition { get; } = Build();

    /// <summary>Tells whether a conversation may move from one state to another in one step.</summary>
    /// <param name="from">The state before the step (wire name).</param>
    /// <param name="to">The state after the step (wire name).</param>
    /// <returns><see langword="true"/> when the machine permits it.</returns>
    public static bool CanMove(string from, string to) => Definition.WithState(from).CanFire(to);

    private static StateMachine<string, string> Build()
    {
        var machine = new StateMachine<string, string>(ConversationState.Init.Value);
        Permit(machine, ConversationState.Init, [.. Selling, .. Anytime]);
        foreach (var state in Selling)
        {
            Permit(machine, state, [.. Selling, .. Anytime]);
        }

        Permit(machine, ConversationState.Offer, [ConversationState.PaymentDelivery]);
        Permit(machine, ConversationState.PaymentDelivery, [ConversationState.PaymentDelivery, ConversationState.Upsell, ConversationState.SizeColor, .. Anytime]);
        // After the order a new question or a photo of another garment starts selling again.
        Permit(machine, ConversationState.Upsell, [ConversationState.Upsell, ConversationState.Discovery, ConversationState.Vision, .. Anytime]);
        Permit(machine, ConversationState.End, [.. Selling, .. Anytime]);

        // A complaint holds the conversation for a human; only the hand-off answer runs.
        Permit(machine, ConversationState.Complaint, [ConversationState.Complaint]);

        // Out-of-domain keeps the phase, so the next message may resume any stage it interrupted.
        Permit(machine, ConversationState.OutOfDomain, [.. Selling, .. Anytime, ConversationState.PaymentDelivery, ConversationState.Upsell]);
        machine.Freeze();
        return machine;
    }

    private static void Permit(StateMachine<string, string> machine, ConversationState from, ConversationState[] targets)
    {
        var configuration = machine.Configure(from.Value);
        foreach (var to in targets.Distinct())
        {
            if (to == from)
            {
                configuration.PermitReentry(to.Value);
            }
            else
            {
                configuration.Permit(to.Value, to.Value);
            }
        }
    }
}
