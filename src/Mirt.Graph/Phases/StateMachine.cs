namespace Mirt.Graph.Phases;

/// <summary>
/// Moves a conversation between phases when triggers fire, with guarded transitions, nested substates and entry and
/// exit actions, in the shape of the Stateless library. Knows nothing of the shop: states and triggers are any
/// types with value equality, typically enums or string-backed record structs.
/// </summary>
/// <typeparam name="TState">The type of the states; must have value equality and a distinct <see cref="object.ToString"/> per state.</typeparam>
/// <typeparam name="TTrigger">The type of the triggers; must have value equality.</typeparam>
/// <remarks>
/// <para>
/// Lifecycle: create a template machine, describe every state with <see cref="Configure(TState)"/>, then call
/// <see cref="Freeze"/>. From then on the configuration is immutable, and <see cref="WithState(TState)"/> makes a
/// cheap machine per conversation that shares it. A machine can also be fired before it is frozen, Stateless-style,
/// when one conversation owns it.
/// </para>
/// <para>
/// Thread-safety: a machine instance is not thread-safe; fire it from one thread at a time, as one conversation turn
/// does. A frozen configuration is immutable and may be shared by any number of machines on any threads. Before
/// <see cref="Freeze"/>, configure from one thread only.
/// </para>
/// <para>
/// Firing: the trigger is looked up on the current state, then on each superstate outwards; the first state with a
/// reaction whose guard passes wins. Exit actions of the states being left run innermost first, then the state
/// changes, then entry actions of the states being entered run outermost first. An exception from an action
/// propagates to the caller of <see cref="Fire(TTrigger)"/>; actions after it do not run and the state is not
/// rolled back.
/// </para>
/// </remarks>
public sealed partial class StateMachine<TState, TTrigger>
    where TState : notnull
    where TTrigger : notnull
{
    private readonly StateMachineDefinition<TState, TTrigger> _definition;
    private readonly Func<TState>? _stateAccessor;
    private readonly Action<TState>? _stateMutator;
    private TState _state;
    private bool _firing;

    /// <summary>Creates an unconfigured machine that keeps its current state itself.</summary>
    /// <param name="initialState">The state to start in; also the initial state of diagrams and <see cref="Validate"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="initialState"/> is <see langword="null"/>.</exception>
    public StateMachine(TState initialState)
    {
        ArgumentNullException.ThrowIfNull(initialState);
        _definition = new StateMachineDefinition<TState, TTrigger>(initialState);
        _state = initialState;
    }

    /// <summary>
    /// Creates an unconfigured machine whose current state lives elsewhere, for example in the conversation's
    /// stored state; the machine reads it through <paramref name="stateAccessor"/> before every operation and writes
    /// it through <paramref name="stateMutator"/> on every transition.
    /// </summary>
    /// <param name="stateAccessor">Reads the current state; called once here to learn the initial state.</param>
    /// <param name="stateMutator">Stores a new current state.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>, or <paramref name="stateAccessor"/> returned <see langword="null"/>.</exception>
    public StateMachine(Func<TState> stateAccessor, Action<TState> stateMutator)
    {
        ArgumentNullException.ThrowIfNull(stateAccessor);
        ArgumentNullException.ThrowIfNull(stateMutator);
        var initialState = stateAccessor();
        ArgumentNullException.ThrowIfNull(initialState, nameof(stateAccessor));
        _definition = new StateMachineDefinition<TState, TTrigger>(initialState);
        _stateAccessor = stateAccessor;
        _stateMutator = stateMutator;
        _state = initialState;
    }

    private StateMachine(StateMachineDefinition<TState, TTrigger> definition, TState state, Func<TState>? stateAccessor, Action<TState>? stateMutator)
    {
        _definition = definition;
        _state = state;
        _stateAccessor = stateAccessor;
        _stateMutator = stateMutator;
    }

    /// <summary>Gets the current state (the innermost one when the machine is in a substate).</summary>
    public TState State => _stateAccessor is null ? _state : _stateAccessor();

    /// <summary>Gets a value telling whether <see cref="Freeze"/> was called, so the configuration can no longer change.</summary>
    public bool IsFrozen => _definition.IsFrozen;

    /// <summary>Gets the state the configuring machine started in; diagrams and <see cref="Validate"/> start from it.</summary>
    public TState InitialState => _definition.InitialState;

    /// <summary>Starts or continues the configuration of <paramref name="state"/>.</summary>
    /// <param name="state">The state to configure; calling again for the same state adds to its configuration.</param>
    /// <returns>A fluent configuration object for the state.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="state"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOperationException">The configuration is frozen.</exception>
    public StateConfiguration<TState, TTrigger> Configure(TState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        _definition.ThrowIfFrozen(nameof(Configure));
        return new StateConfiguration<TState, TTrigger>(_definition, _definition.GetOrAdd(state));
    }

    /// <summary>
    /// Replaces the exception that <see cref="Fire(TTrigger)"/> throws for an unhandled trigger with
    /// <paramref name="unhandledTriggerAction"/>, which receives the current state and the trigger.
    /// </summary>
    /// <param name="unhandledTriggerAction">The action to run instead of throwing; the state does not change.</param>
    /// <exception cref="ArgumentNullException"><paramref name="unhandledTriggerAction"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOperationException">The configuration is frozen.</exception>
    public void OnUnhandledTrigger(Action<TState, TTrigger> unhandledTriggerAction)
    {
        ArgumentNullException.ThrowIfNull(unhandledTriggerAction);
        _definition.ThrowIfFrozen(nameof(OnUnhandledTrigger));
        _definition.UnhandledTriggerAction = unhandledTriggerAction;
    }

    /// <summary>
    /// Makes the configuration immutable so it can be shared through <see cref="WithState(TState)"/>; afterwards
    /// <see cref="Configure(TState)"/>, <see cref="OnUnhandledTrigger"/> and every
    /// <see cref="StateConfiguration{TState, TTrigger}"/> method throw. Calling it again does nothing.
    /// </summary>
    /// <remarks>Does not validate; call <see cref="Validate"/> (typically in a test) to check the configuration.</remarks>
    public void Freeze() => _definition.Freeze();

    /// <summary>
    /// Creates a machine that shares this machine's frozen configuration and keeps its own current state, so one
    /// configured template serves every conversation.
    /// </summary>
    /// <param name="currentState">The state the new machine is in, for example the phase loaded from a checkpoint.</param>
    /// <returns>A new machine; cheap to create (one small object).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="currentState"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOperationException">The configuration is not frozen yet.</exception>
    public StateMachine<TState, TTrigger> WithState(TState currentState)
    {
        ArgumentNullException.ThrowIfNull(currentState);
        ThrowIfNotFrozen();
        return new StateMachine<TState, TTrigger>(_definition, currentState, null, null);
    }

    /// <summary>
    /// Creates a machine that shares this machine's frozen configuration and keeps its current state in external
    /// storage, read through <paramref name="stateAccessor"/> and written through <paramref name="stateMutator"/>.
    /// </summary>
    /// <param name="stateAccessor">Reads the current state.</param>
    /// <param name="stateMutator">Stores a new current state.</param>
    /// <returns>A new machine; cheap to create (one small object).</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOperationException">The configuration is not frozen yet.</exception>
    public StateMachine<TState, TTrigger> WithState(Func<TState> stateAccessor, Action<TState> stateMutator)
    {
        ArgumentNullException.ThrowIfNull(stateAccessor);
        ArgumentNullException.ThrowIfNull(stateMutator);
        ThrowIfNotFrozen();
        return new StateMachine<TState, TTrigger>(_definition, _definition.InitialState, stateAccessor, stateMutator);
    }

    /// <summary>Tells whether the machine is in <paramref name="state"/>: the current state or any of its superstates.</summary>
    /// <param name="state">The state to test.</param>
    /// <returns><see langword="true"/> when the current state is <paramref name="state"/> or lies inside it.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="state"/> is <see langword="null"/>.</exception>
    public bool IsInState(TState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return _definition.IsIn(State, state);
    }

    /// <summary>Describes the machine's current state for debugging.</summary>
    /// <returns>Text such as <c>StateMachine { State = Offer }</c>.</returns>
    public override string ToString() => $"StateMachine {{ State = {State} }}";

    private void ThrowIfNotFrozen()
    {
        if (!_definition.IsFrozen)
        {
            throw new InvalidOperationException(
                "WithState shares the configuration between machines, so the configuration must be frozen first; call Freeze() after configuring every state and before WithState.");
        }
    }

    private void SetState(TState state)
    {
        if (_stateMutator is null)
        {
            _state = state;
        }
        else
        {
            _stateMutator(state);
        }
    }
}
