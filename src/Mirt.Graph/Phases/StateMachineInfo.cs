namespace Mirt.Graph.Phases;

/// <summary>
/// Describes the configuration of a <see cref="StateMachine{TState, TTrigger}"/> for diagrams, documentation and tests.
/// </summary>
/// <typeparam name="TState">The type of the machine's states.</typeparam>
/// <typeparam name="TTrigger">The type of the machine's triggers.</typeparam>
/// <param name="InitialState">Names the state the configuring machine started in.</param>
/// <param name="States">Describes every configured state, in configuration order; states that only appear as
/// destinations are not listed.</param>
/// <remarks>Immutable and thread-safe; a snapshot taken when <see cref="StateMachine{TState, TTrigger}.GetInfo"/> ran.</remarks>
public sealed record StateMachineInfo<TState, TTrigger>(
    TState InitialState,
    IReadOnlyList<StateInfo<TState, TTrigger>> States)
    where TState : notnull
    where TTrigger : notnull;
