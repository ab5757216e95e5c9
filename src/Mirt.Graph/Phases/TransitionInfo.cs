namespace Mirt.Graph.Phases;

/// <summary>Describes one configured transition of a state.</summary>
/// <typeparam name="TState">The type of the machine's states.</typeparam>
/// <typeparam name="TTrigger">The type of the machine's triggers.</typeparam>
/// <param name="Trigger">Names the trigger that causes the transition.</param>
/// <param name="Destination">Names the state moved to; the configuring state itself for a reentry.</param>
/// <param name="GuardDescription">Describes the guard, or <see langword="null"/> when the transition is unguarded.</param>
/// <param name="IsReentry"><see langword="true"/> for a transition configured with
/// <see cref="StateConfiguration{TState, TTrigger}.PermitReentry(TTrigger)"/>.</param>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record TransitionInfo<TState, TTrigger>(
    TTrigger Trigger,
    TState Destination,
    string? GuardDescription,
    bool IsReentry)
    where TState : notnull
    where TTrigger : notnull;
