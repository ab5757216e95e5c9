namespace Mirt.Graph.Phases;

/// <summary>
/// Holds the configuration shared by every <see cref="StateMachine{TState, TTrigger}"/> made from one template: the
/// states in configuration order, the initial state and the unhandled-trigger hook.
/// </summary>
/// <typeparam name="TState">The type of the machine's states.</typeparam>
/// <typeparam name="TTrigger">The type of the machine's triggers.</typeparam>
/// <remarks>
/// Mutable and single-threaded until <see cref="Freeze"/>; immutable and safe to read from any thread afterwards.
/// </remarks>
internal sealed class StateMachineDefinition<TState, TTrigger>
    where TState : notnull
    where TTrigger : notnull
{
    private readonly Dictionary<TState, StateRepresentation<TState, TTrigger>> _states = [];
    private readonly List<StateRepresentation<TState, TTrigger>> _ordered = [];
    private volatile bool _frozen;

    /// <summary>Creates an empty definition.</summary>
    /// <param name="initialState">The state the first machine started in; used by diagrams and validation.</param>
    public StateMachineDefinition(TState initialState) => InitialState = initialState;

    /// <summary>Gets the state the configuring machine started in.</summary>
    public TState InitialState { get; }

    /// <summary>Gets a value telling whether the configuration can no longer change.</summary>
    public bool IsFrozen => _frozen;

    /// <summary>Gets the configured states in configuration order.</summary>
    public IReadOnlyList<StateRepresentation<TState, TTrigger>> States => _ordered;

    /// <summary>Gets or sets the hook that replaces the exception for unhandled triggers.</summary>
    public Action<TState, TTrigger>? UnhandledTriggerAction { get; set; }

    /// <summary>Makes the configuration immutable; calling it again does nothing.</summary>
    public void Freeze() => _frozen = true;

    /// <summary>Throws when the configuration is frozen.</summary>
    /// <param name="member">The member that tried to change the configuration.</param>
    /// <exception cref="InvalidOperationException">The configuration is frozen.</exception>
    public void ThrowIfFrozen(string member)
    {
        if (_frozen)
        {
            throw new InvalidOperationException(
                $"The state machine configuration is frozen, so {member} cannot change it; configure every state before calling Freeze().");
        }
    }

    /// <summary>Finds the configuration of a state, creating it when the state is new.</summary>
    /// <param name="state">The state.</param>
    /// <returns>The configuration.</returns>
    public StateRepresentation<TState, TTrigger> GetOrAdd(TState state)
    {
        if (!_states.TryGetValue(state, out var representation))
        {
            representation = new StateRepresentation<TState, TTrigger>(state, _ordered.Count);
            _states.Add(state, representation);
            _ordered.Add(representation);
        }

        return representation;
    }

    /// <summary>Finds the configuration of a state.</summary>
    /// <param name="state">The state.</param>
    /// <returns>The configuration, or <see langword="null"/> when the state was never configured.</returns>
    public StateRepresentation<TState, TTrigger>? Find(TState state) => _states.GetValueOrDefault(state);

    /// <summary>Tells whether <paramref name="state"/> is <paramref name="candidate"/> or lies inside it.</summary>
    /// <param name="state">The state the machine is in.</param>
    /// <param name="candidate">The state that may contain it.</param>
    /// <returns><see langword="true"/> when the machine in <paramref name="state"/> is also in <paramref name="candidate"/>.</returns>
    public bool IsIn(TState state, TState candidate)
    {
        if (EqualityComparer<TState>.Default.Equals(state, candidate))
        {
            return true;
        }

        var inner = Find(state);
        var outer = Find(candidate);
        return inner is not null && outer is not null && outer.Contains(inner);
    }

    /// <summary>
    /// Finds the reaction to <paramref name="trigger"/> in <paramref name="state"/>: first among the state's own
    /// reactions whose guard passes, then in each superstate outwards.
    /// </summary>
    /// <param name="state">The current state.</param>
    /// <param name="trigger">The trigger.</param>
    /// <returns>The lookup result; its behaviour is <see langword="null"/> when nothing handles the trigger.</returns>
    /// <exception cref="InvalidOperationException">More than one guarded reaction of one state passes.</exception>
    public HandlerLookup<TState, TTrigger> FindHandler(TState state, TTrigger trigger)
    {
        List<string>? unmet = null;
        for (var representation = Find(state); representation is not null; representation = representation.Superstate)
        {
            TriggerBehaviour<TState, TTrigger>? found = null;
            foreach (var behaviour in representation.Behaviours)
            {
                if (!EqualityComparer<TTrigger>.Default.Equals(behaviour.Trigger, trigger))
                {
                    continue;
                }

                if (!behaviour.GuardPasses())
                {
                    (unmet ??= []).Add(behaviour.GuardDescription ?? "(guard)");
                    continue;
                }

                if (found is not null)
                {
                    throw new InvalidOperationException(
                        $"Trigger '{trigger}' in state '{representation.State}' is ambiguous: the guards '{found.GuardDescription}' and '{behaviour.GuardDescription}' both passed; make the guards of one trigger mutually exclusive.");
                }

                found = behaviour;
            }

            if (found is not null)
            {
                return new(found, representation.State, (IReadOnlyList<string>?)unmet ?? []);
            }
        }

        return new(null, default, (IReadOnlyList<string>?)unmet ?? []);
    }

    /// <summary>Lists the triggers that <paramref name="state"/> would accept now, nearest configuration first.</summary>
    /// <param name="state">The current state.</param>
    /// <returns>The distinct triggers whose lookup finds a reaction.</returns>
    public IReadOnlyList<TTrigger> GetPermittedTriggers(TState state)
    {
        var candidates = new List<TTrigger>();
        for (var representation = Find(state); representation is not null; representation = representation.Superstate)
        {
            foreach (var behaviour in representation.Behaviours)
            {
                if (!candidates.Contains(behaviour.Trigger))
                {
                    candidates.Add(behaviour.Trigger);
                }
            }
        }

        return candidates.Where(trigger => FindHandler(state, trigger).Behaviour is not null).ToList().AsReadOnly();
    }

    /// <summary>Lists <paramref name="state"/> and its superstates, innermost first.</summary>
    /// <param name="state">The state.</param>
    /// <returns>The chain; just the state itself when it was never configured.</returns>
    public List<TState> ChainOf(TState state)
    {
        var chain = new List<TState>();
        var representation = Find(state);
        if (representation is null)
        {
            chain.Add(state);
            return chain;
        }

        for (; representation is not null; representation = representation.Superstate)
        {
            chain.Add(representation.State);
        }

        return chain;
    }
}
