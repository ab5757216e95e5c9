namespace Mirt.Graph.Phases;

/// <summary>
/// Configures one state of a <see cref="StateMachine{TState, TTrigger}"/> fluently: which triggers it accepts, where
/// they lead, its superstate and its entry and exit actions. Obtain it from
/// <see cref="StateMachine{TState, TTrigger}.Configure(TState)"/>.
/// </summary>
/// <typeparam name="TState">The type of the machine's states.</typeparam>
/// <typeparam name="TTrigger">The type of the machine's triggers.</typeparam>
/// <remarks>
/// Every method returns this instance so calls chain. Every method throws <see cref="InvalidOperationException"/>
/// once the machine's configuration is frozen. Not thread-safe: configure from one thread, then freeze.
/// </remarks>
public sealed class StateConfiguration<TState, TTrigger>
    where TState : notnull
    where TTrigger : notnull
{
    private readonly StateMachineDefinition<TState, TTrigger> _definition;
    private readonly StateRepresentation<TState, TTrigger> _representation;

    internal StateConfiguration(StateMachineDefinition<TState, TTrigger> definition, StateRepresentation<TState, TTrigger> representation)
    {
        _definition = definition;
        _representation = representation;
    }

    /// <summary>Gets the state this object configures.</summary>
    public TState State => _representation.State;

    /// <summary>Lets <paramref name="trigger"/> move the machine from this state to <paramref name="destinationState"/>.</summary>
    /// <param name="trigger">The trigger to accept.</param>
    /// <param name="destinationState">The state to move to; must differ from this state.</param>
    /// <returns>This configuration.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="destinationState"/> is this state, or the state already
    /// handles <paramref name="trigger"/> without a guard.</exception>
    /// <exception cref="InvalidOperationException">The configuration is frozen.</exception>
    public StateConfiguration<TState, TTrigger> Permit(TTrigger trigger, TState destinationState)
    {
        ArgumentNullException.ThrowIfNull(trigger);
        ArgumentNullException.ThrowIfNull(destinationState);
        ThrowIfSelf(trigger, destinationState);
        return Add(trigger, new(trigger, TriggerBehaviourKind.Permit, destinationState, null, null), nameof(Permit));
    }

    /// <summary>
    /// Lets <paramref name="trigger"/> move the machine from this state to <paramref name="destinationState"/> when
    /// <paramref name="guard"/> returns <see langword="true"/> at fire time.
    /// </summary>
    /// <param name="trigger">The trigger to accept.</param>
    /// <param name="destinationState">The state to move to; must differ from this state.</param>
    /// <param name="guard">Decides at fire time whether the transition is allowed; must be fast and free of side effects.</param>
    /// <param name="guardDescription">Describes the guard in diagrams and error messages, for example <c>has stock</c>.</param>
    /// <returns>This configuration.</returns>
    /// <remarks>
    /// Several guarded transitions may share one trigger; their guards must be mutually exclusive, because firing
    /// when more than one passes throws <see cref="InvalidOperationException"/>.
    /// </remarks>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="guardDescription"/> is empty,
    /// <paramref name="destinationState"/> is this state, or the state already handles <paramref name="trigger"/>
    /// without a guard.</exception>
    /// <exception cref="InvalidOperationException">The configuration is frozen.</exception>
    public StateConfiguration<TState, TTrigger> PermitIf(TTrigger trigger, TState destinationState, Func<bool> guard, string guardDescription)
    {
        ArgumentNullException.ThrowIfNull(trigger);
        ArgumentNullException.ThrowIfNull(destinationState);
        ArgumentNullException.ThrowIfNull(guard);
        ArgumentException.ThrowIfNullOrWhiteSpace(guardDescription);
        ThrowIfSelf(trigger, destinationState);
        return Add(trigger, new(trigger, TriggerBehaviourKind.Permit, destinationState, guard, guardDescription), nameof(PermitIf));
    }

    /// <summary>
    /// Lets <paramref name="trigger"/> exit and re-enter this state, running its exit and entry actions. When the
    /// machine is in a substate, the substates are exited too and only this state is entered again.
    /// </summary>
    /// <param name="trigger">The trigger to accept.</param>
    /// <returns>This configuration.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="trigger"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The state already handles <paramref name="trigger"/>.</exception>
    /// <exception cref="InvalidOperationException">The configuration is frozen.</exception>
    public StateConfiguration<TState, TTrigger> PermitReentry(TTrigger trigger)
    {
        ArgumentNullException.ThrowIfNull(trigger);
        return Add(trigger, new(trigger, TriggerBehaviourKind.Reentry, State, null, null), nameof(PermitReentry));
    }

    /// <summary>Accepts <paramref name="trigger"/> in this state without moving and without running any action.</summary>
    /// <param name="trigger">The trigger to swallow.</param>
    /// <returns>This configuration.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="trigger"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The state already handles <paramref name="trigger"/>.</exception>
    /// <exception cref="InvalidOperationException">The configuration is frozen.</exception>
    public StateConfiguration<TState, TTrigger> Ignore(TTrigger trigger)
    {
        ArgumentNullException.ThrowIfNull(trigger);
        return Add(trigger, new(trigger, TriggerBehaviourKind.Ignore, State, null, null), nameof(Ignore));
    }

    /// <summary>
    /// Nests this state inside <paramref name="superstate"/>: the machine in this state is also in the superstate,
    /// triggers this state does not handle are looked up in the superstate, and moving between substates of one
    /// superstate neither exits nor enters it.
    /// </summary>
    /// <param name="superstate">The enclosing state.</param>
    /// <returns>This configuration.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="superstate"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="superstate"/> is this state or one of its substates.</exception>
    /// <exception cref="InvalidOperationException">The state already has a different superstate, or the configuration is frozen.</exception>
    public StateConfiguration<TState, TTrigger> SubstateOf(TState superstate)
    {
        ArgumentNullException.ThrowIfNull(superstate);
        _definition.ThrowIfFrozen(nameof(SubstateOf));
        var existingParent = _definition.Find(superstate);
        if (existingParent is not null && ReferenceEquals(_representation.Superstate, existingParent))
        {
            return this;
        }

        if (existingParent is not null && _representation.Contains(existingParent))
        {
            throw new ArgumentException(
                $"State '{State}' cannot be a substate of '{superstate}' because '{superstate}' is '{State}' itself or lies inside it; remove the cycle from the SubstateOf calls.",
                nameof(superstate));
        }

        if (_representation.Superstate is not null)
        {
            throw new InvalidOperationException(
                $"State '{State}' is already a substate of '{_representation.Superstate.State}', so it cannot also be a substate of '{superstate}'; a state has one superstate, so nest '{superstate}' inside '{_representation.Superstate.State}' instead if both apply.");
        }

        _representation.Superstate = _definition.GetOrAdd(superstate);
        return this;
    }

    /// <summary>Runs <paramref name="entryAction"/> whenever the machine enters this state, after the state changed.</summary>
    /// <param name="entryAction">The action; receives the transition being executed.</param>
    /// <param name="description">Describes the action for <see cref="StateMachine{TState, TTrigger}.GetInfo"/>; the method name when <see langword="null"/>.</param>
    /// <returns>This configuration.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="entryAction"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOperationException">The configuration is frozen.</exception>
    public StateConfiguration<TState, TTrigger> OnEntry(Action<Transition<TState, TTrigger>> entryAction, string? description = null)
    {
        ArgumentNullException.ThrowIfNull(entryAction);
        _definition.ThrowIfFrozen(nameof(OnEntry));
        _representation.EntryActions.Add(new(entryAction, StateAction<TState, TTrigger>.Describe(entryAction, description), false, default));
        return this;
    }

    /// <summary>Runs <paramref name="entryAction"/> when the machine enters this state because <paramref name="trigger"/> fired.</summary>
    /// <param name="trigger">The trigger that must have caused the entry.</param>
    /// <param name="entryAction">The action; receives the transition being executed.</param>
    /// <param name="description">Describes the action for <see cref="StateMachine{TState, TTrigger}.GetInfo"/>; the method name when <see langword="null"/>.</param>
    /// <returns>This configuration.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="trigger"/> or <paramref name="entryAction"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOperationException">The configuration is frozen.</exception>
    public StateConfiguration<TState, TTrigger> OnEntryFrom(TTrigger trigger, Action<Transition<TState, TTrigger>> entryAction, string? description = null)
    {
        ArgumentNullException.ThrowIfNull(trigger);
        ArgumentNullException.ThrowIfNull(entryAction);
        _definition.ThrowIfFrozen(nameof(OnEntryFrom));
        _representation.EntryActions.Add(new(entryAction, StateAction<TState, TTrigger>.Describe(entryAction, description), true, trigger));
        return this;
    }

    /// <summary>Runs <paramref name="exitAction"/> whenever the machine leaves this state, before the state changes.</summary>
    /// <param name="exitAction">The action; receives the transition being executed.</param>
    /// <param name="description">Describes the action for <see cref="StateMachine{TState, TTrigger}.GetInfo"/>; the method name when <see langword="null"/>.</param>
    /// <returns>This configuration.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="exitAction"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOperationException">The configuration is frozen.</exception>
    public StateConfiguration<TState, TTrigger> OnExit(Action<Transition<TState, TTrigger>> exitAction, string? description = null)
    {
        ArgumentNullException.ThrowIfNull(exitAction);
        _definition.ThrowIfFrozen(nameof(OnExit));
        _representation.ExitActions.Add(new(exitAction, StateAction<TState, TTrigger>.Describe(exitAction, description), false, default));
        return this;
    }

    private void ThrowIfSelf(TTrigger trigger, TState destinationState)
    {
        if (EqualityComparer<TState>.Default.Equals(destinationState, State))
        {
            throw new ArgumentException(
                $"State '{State}' cannot permit trigger '{trigger}' back to itself; use PermitReentry to exit and re-enter it, or Ignore to accept the trigger without moving.",
                nameof(destinationState));
        }
    }

    private StateConfiguration<TState, TTrigger> Add(TTrigger trigger, TriggerBehaviour<TState, TTrigger> behaviour, string member)
    {
        _definition.ThrowIfFrozen(member);
        foreach (var existing in _representation.Behaviours)
        {
            if (EqualityComparer<TTrigger>.Default.Equals(existing.Trigger, trigger) && (existing.Guard is null || behaviour.Guard is null))
            {
                throw new ArgumentException(
                    $"State '{State}' already handles trigger '{trigger}', and a second reaction without a guard would make firing it ambiguous; give every reaction to one trigger a mutually exclusive guard with PermitIf, or keep only one.",
                    nameof(trigger));
            }
        }

        _representation.Behaviours.Add(behaviour);
        return this;
    }
}
