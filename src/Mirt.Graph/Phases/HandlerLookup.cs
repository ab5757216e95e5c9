namespace Mirt.Graph.Phases;

/// <summary>Reports how a trigger would be handled in a state.</summary>
/// <typeparam name="TState">The type of the machine's states.</typeparam>
/// <typeparam name="TTrigger">The type of the machine's triggers.</typeparam>
/// <param name="Behaviour">The reaction that would run, or <see langword="null"/> when the trigger is unhandled.</param>
/// <param name="Owner">The state whose configuration holds <paramref name="Behaviour"/> (the current state or a superstate).</param>
/// <param name="UnmetGuards">Describes the guards that were evaluated and failed on the way.</param>
internal readonly record struct HandlerLookup<TState, TTrigger>(
    TriggerBehaviour<TState, TTrigger>? Behaviour,
    TState? Owner,
    IReadOnlyList<string> UnmetGuards)
    where TState : notnull
    where TTrigger : notnull;
