namespace Mirt.Graph.Phases;

/// <summary>Describes one configured state of a <see cref="StateMachine{TState, TTrigger}"/>.</summary>
/// <typeparam name="TState">The type of the machine's states.</typeparam>
/// <typeparam name="TTrigger">The type of the machine's triggers.</typeparam>
/// <param name="State">Names the state.</param>
/// <param name="Superstates">Lists the enclosing states, nearest first; empty for a top-level state.</param>
/// <param name="Substates">Lists the states directly nested in this one, in configuration order.</param>
/// <param name="Transitions">Lists the transitions this state configures itself (inherited ones are on the
/// superstates), in configuration order.</param>
/// <param name="IgnoredTriggers">Lists the triggers this state accepts without moving.</param>
/// <param name="EntryActions">Describes the actions run on every entry, in configuration order.</param>
/// <param name="EntryFromActions">Describes the actions run only on entry by a given trigger, in configuration order.</param>
/// <param name="ExitActions">Describes the actions run on every exit, in configuration order.</param>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record StateInfo<TState, TTrigger>(
    TState State,
    IReadOnlyList<TState> Superstates,
    IReadOnlyList<TState> Substates,
    IReadOnlyList<TransitionInfo<TState, TTrigger>> Transitions,
    IReadOnlyList<TTrigger> IgnoredTriggers,
    IReadOnlyList<string> EntryActions,
    IReadOnlyList<EntryFromActionInfo<TTrigger>> EntryFromActions,
    IReadOnlyList<string> ExitActions)
    where TState : notnull
    where TTrigger : notnull;
