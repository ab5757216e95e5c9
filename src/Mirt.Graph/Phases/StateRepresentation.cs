namespace Mirt.Graph.Phases;

/// <summary>Holds the configuration of one state: its reactions to triggers, its superstate and its actions.</summary>
/// <typeparam name="TState">The type of the machine's states.</typeparam>
/// <typeparam name="TTrigger">The type of the machine's triggers.</typeparam>
/// <remarks>Mutated only while the owning definition is not frozen.</remarks>
internal sealed class StateRepresentation<TState, TTrigger>
    where TState : notnull
    where TTrigger : notnull
{
    /// <summary>Creates the configuration of <paramref name="state"/>.</summary>
    /// <param name="state">The state.</param>
    /// <param name="order">The position of the state in configuration order.</param>
    public StateRepresentation(TState state, int order)
    {
        State = state;
        Order = order;
    }

    /// <summary>Gets the state this configuration belongs to.</summary>
    public TState State { get; }

    /// <summary>Gets the position of the state in configuration order.</summary>
    public int Order { get; }

    /// <summary>Gets or sets the superstate, or <see langword="null"/> for a top-level state.</summary>
    public StateRepresentation<TState, TTrigger>? Superstate { get; set; }

    /// <summary>Gets the reactions to triggers, in configuration order.</summary>
    public List<TriggerBehaviour<TState, TTrigger>> Behaviours { get; } = [];

    /// <summary>Gets the entry actions, in configuration order.</summary>
    public List<StateAction<TState, TTrigger>> EntryActions { get; } = [];

    /// <summary>Gets the exit actions, in configuration order.</summary>
    public List<StateAction<TState, TTrigger>> ExitActions { get; } = [];

    /// <summary>Tells whether this state is <paramref name="other"/> or one of its superstates.</summary>
    /// <param name="other">The state that may be nested in this one.</param>
    /// <returns><see langword="true"/> when <paramref name="other"/> is this state or lies inside it.</returns>
    public bool Contains(StateRepresentation<TState, TTrigger> other)
    {
        for (var current = other; current is not null; current = current.Superstate)
        {
            if (ReferenceEquals(current, this))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Runs the entry actions that apply to <paramref name="transition"/>, in configuration order.</summary>
    /// <param name="transition">The transition being executed.</param>
    public void Enter(Transition<TState, TTrigger> transition)
    {
        foreach (var action in EntryActions)
        {
            if (action.AppliesTo(transition))
            {
                action.Action(transition);
            }
        }
    }

    /// <summary>Runs the exit actions, in configuration order.</summary>
    /// <param name="transition">The transition being executed.</param>
    public void Exit(Transition<TState, TTrigger> transition)
    {
        foreach (var action in ExitActions)
        {
            action.Action(transition);
        }
    }
}
