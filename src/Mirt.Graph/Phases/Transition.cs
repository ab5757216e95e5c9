namespace Mirt.Graph.Phases;

/// <summary>
/// Describes one move of a <see cref="StateMachine{TState, TTrigger}"/>: where it came from, where it goes and which
/// trigger caused it. Entry and exit actions receive it.
/// </summary>
/// <typeparam name="TState">The type of the machine's states.</typeparam>
/// <typeparam name="TTrigger">The type of the machine's triggers.</typeparam>
/// <param name="Source">Names the state the machine was in when the trigger fired (the innermost substate).</param>
/// <param name="Destination">Names the state the machine is in after the transition.</param>
/// <param name="Trigger">Names the trigger that was fired.</param>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record Transition<TState, TTrigger>(TState Source, TState Destination, TTrigger Trigger)
    where TState : notnull
    where TTrigger : notnull
{
    /// <summary>
    /// Gets a value telling whether the transition leaves and re-enters the same state, as
    /// <see cref="StateConfiguration{TState, TTrigger}.PermitReentry(TTrigger)"/> does.
    /// </summary>
    /// <value><see langword="true"/> when <see cref="Source"/> equals <see cref="Destination"/>.</value>
    public bool IsReentry => EqualityComparer<TState>.Default.Equals(Source, Destination);
}
