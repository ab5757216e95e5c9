namespace Mirt.Graph.Phases;

/// <content>Describes, draws and validates the configuration.</content>
public sealed partial class StateMachine<TState, TTrigger>
{
    /// <summary>Describes the configuration: every configured state with its nesting, transitions and actions.</summary>
    /// <returns>An immutable snapshot, in configuration order.</returns>
    public StateMachineInfo<TState, TTrigger> GetInfo()
    {
        var states = _definition.States.Select(representation => new StateInfo<TState, TTrigger>(
            representation.State,
            _definition.ChainOf(representation.State).Skip(1).ToList().AsReadOnly(),
            _definition.States.Where(s => ReferenceEquals(s.Superstate, representation)).Select(s => s.State).ToList().AsReadOnly(),
            representation.Behaviours
                .Where(b => b.Kind != TriggerBehaviourKind.Ignore)
                .Select(b => new TransitionInfo<TState, TTrigger>(b.Trigger, b.Destination, b.GuardDescription, b.Kind == TriggerBehaviourKind.Reentry))
                .ToList().AsReadOnly(),
            representation.Behaviours.Where(b => b.Kind == TriggerBehaviourKind.Ignore).Select(b => b.Trigger).ToList().AsReadOnly(),
            representation.EntryActions.Where(a => !a.HasFromTrigger).Select(a => a.Description).ToList().AsReadOnly(),
            representation.EntryActions.Where(a => a.HasFromTrigger).Select(a => new EntryFromActionInfo<TTrigger>(a.FromTrigger!, a.Description)).ToList().AsReadOnly(),
            representation.ExitActions.Select(a => a.Description).ToList().AsReadOnly()));
        return new StateMachineInfo<TState, TTrigger>(_definition.InitialState, states.ToList().AsReadOnly());
    }

    /// <summary>
    /// Writes the configuration as a Mermaid <c>stateDiagram-v2</c>: the initial state, superstates as composite
    /// states holding their substates, and every transition labelled with its trigger and, when guarded,
    /// <c>[guard description]</c>. The order follows configuration order, so the text is stable for snapshot tests
    /// and docs.
    /// </summary>
    /// <returns>The Mermaid text, indented by four spaces per level, LF line endings, ending with a newline.</returns>
    /// <remarks>Each transition is written inside the innermost composite state that encloses both its ends.
    /// Ignored triggers and actions are not drawn.</remarks>
    public string ToMermaid() => StateMachineMermaid.Write(GetInfo());

    /// <summary>
    /// Checks the configuration for mistakes: destinations (and the initial state) that are never configured, and
    /// configured states that no chain of transitions reaches from the initial state.
    /// </summary>
    /// <returns>One sentence per problem, in configuration order; empty when the configuration is sound.</returns>
    /// <remarks>
    /// Reachability follows every transition regardless of guards and counts a superstate as reached when one of
    /// its substates is; entering a superstate does not reach its substates.
    /// </remarks>
    public IReadOnlyList<string> Validate() => StateMachineValidator.Validate(GetInfo());
}
