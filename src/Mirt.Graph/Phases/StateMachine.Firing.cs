namespace Mirt.Graph.Phases;

/// <content>Fires triggers and answers which triggers the current state accepts.</content>
public sealed partial class StateMachine<TState, TTrigger>
{
    /// <summary>Gets the triggers the current state accepts now (guards evaluated), the state's own first, then its superstates'.</summary>
    /// <value>
    /// Exactly the triggers for which <see cref="CanFire(TTrigger)"/> returns <see langword="true"/>, including
    /// ignored ones; a new list on every read.
    /// </value>
    /// <exception cref="InvalidOperationException">Guards of one trigger in one state are ambiguous.</exception>
    public IReadOnlyList<TTrigger> PermittedTriggers => _definition.GetPermittedTriggers(State);

    /// <summary>Tells whether firing <paramref name="trigger"/> now would be handled (moved, re-entered or ignored) rather than unhandled.</summary>
    /// <param name="trigger">The trigger.</param>
    /// <returns><see langword="true"/> when a reaction exists whose guard passes.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="trigger"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOperationException">More than one guard of one state passes for <paramref name="trigger"/>.</exception>
    public bool CanFire(TTrigger trigger)
    {
        ArgumentNullException.ThrowIfNull(trigger);
        return _definition.FindHandler(State, trigger).Behaviour is not null;
    }

    /// <summary>
    /// Fires <paramref name="trigger"/>: evaluates guards, runs exit actions, changes the state and runs entry actions.
    /// </summary>
    /// <param name="trigger">The trigger.</param>
    /// <exception cref="ArgumentNullException"><paramref name="trigger"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOperationException">No reaction handles the trigger in the current state (unless
    /// <see cref="OnUnhandledTrigger"/> is set), more than one guard passes, or an entry or exit action fired a
    /// trigger on the same machine.</exception>
    public void Fire(TTrigger trigger)
    {
        ArgumentNullException.ThrowIfNull(trigger);
        if (_firing)
        {
            throw new InvalidOperationException(
                $"Trigger '{trigger}' was fired from inside an entry or exit action of the same machine; fire it after the outer Fire returns instead.");
        }

        _firing = true;
        try
        {
            FireCore(trigger);
        }
        finally
        {
            _firing = false;
        }
    }

    private void FireCore(TTrigger trigger)
    {
        var source = State;
        var lookup = _definition.FindHandler(source, trigger);
        if (lookup.Behaviour is null)
        {
            HandleUnhandled(source, trigger, lookup.UnmetGuards);
            return;
        }

        switch (lookup.Behaviour.Kind)
        {
            case TriggerBehaviourKind.Permit:
                Move(source, lookup.Behaviour.Destination, trigger);
                break;
            case TriggerBehaviourKind.Reentry:
                Reenter(source, lookup.Owner!, trigger);
                break;
            default:
                break;
        }
    }

    private void Move(TState source, TState destination, TTrigger trigger)
    {
        var transition = new Transition<TState, TTrigger>(source, destination, trigger);
        var sourceChain = _definition.ChainOf(source);
        var destinationChain = _definition.ChainOf(destination);
        foreach (var state in sourceChain)
        {
            if (destinationChain.Contains(state))
            {
                break;
            }

            _definition.Find(state)?.Exit(transition);
        }

        SetState(destination);
        var entered = destinationChain.TakeWhile(state => !sourceChain.Contains(state)).Reverse();
        foreach (var state in entered)
        {
            _definition.Find(state)?.Enter(transition);
        }
    }

    private void Reenter(TState source, TState owner, TTrigger trigger)
    {
        var transition = new Transition<TState, TTrigger>(source, owner, trigger);
        foreach (var state in _definition.ChainOf(source))
        {
            _definition.Find(state)?.Exit(transition);
            if (EqualityComparer<TState>.Default.Equals(state, owner))
            {
                break;
            }
        }

        SetState(owner);
        _definition.Find(owner)?.Enter(transition);
    }

    private void HandleUnhandled(TState state, TTrigger trigger, IReadOnlyList<string> unmetGuards)
    {
        if (_definition.UnhandledTriggerAction is { } action)
        {
            action(state, trigger);
            return;
        }

        var permitted = _definition.GetPermittedTriggers(state);
        var permittedText = permitted.Count == 0 ? "none" : string.Join(", ", permitted);
        if (unmetGuards.Count > 0)
        {
            throw new InvalidOperationException(
                $"Trigger '{trigger}' is configured for state '{state}' but none of its guards passed ({string.Join(", ", unmetGuards.Select(g => $"'{g}'"))}). Triggers permitted now: {permittedText}. Check CanFire before firing, or handle the case with another PermitIf.");
        }

        throw new InvalidOperationException(
            $"No transition from state '{state}' is permitted for trigger '{trigger}'. Triggers permitted now: {permittedText}. Configure the trigger for the state (Permit, PermitIf, PermitReentry or Ignore), check CanFire before firing, or set OnUnhandledTrigger.");
    }
}
