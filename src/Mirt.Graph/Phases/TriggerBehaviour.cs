namespace Mirt.Graph.Phases;

/// <summary>Holds one configured reaction of a state to a trigger.</summary>
/// <typeparam name="TState">The type of the machine's states.</typeparam>
/// <typeparam name="TTrigger">The type of the machine's triggers.</typeparam>
/// <param name="Trigger">The trigger the reaction answers.</param>
/// <param name="Kind">What the reaction does.</param>
/// <param name="Destination">The state moved to; the configuring state itself for reentry and ignore.</param>
/// <param name="Guard">The condition that must hold, or <see langword="null"/> for none.</param>
/// <param name="GuardDescription">Describes <paramref name="Guard"/> for diagrams and errors; <see langword="null"/> without a guard.</param>
internal sealed record TriggerBehaviour<TState, TTrigger>(
    TTrigger Trigger,
    TriggerBehaviourKind Kind,
    TState Destination,
    Func<bool>? Guard,
    string? GuardDescription)
    where TState : notnull
    where TTrigger : notnull
{
    /// <summary>Evaluates the guard; a reaction without a guard always passes.</summary>
    /// <returns><see langword="true"/> when the reaction may run.</returns>
    public bool GuardPasses() => Guard is null || Guard();
}
