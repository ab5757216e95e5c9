namespace Mirt.Graph.Phases;

/// <summary>Finds configuration mistakes in a <see cref="StateMachineInfo{TState, TTrigger}"/>.</summary>
internal static class StateMachineValidator
{
    /// <summary>Lists unconfigured destinations and unreachable states; see <see cref="StateMachine{TState, TTrigger}.Validate"/>.</summary>
    /// <typeparam name="TState">The type of the machine's states.</typeparam>
    /// <typeparam name="TTrigger">The type of the machine's triggers.</typeparam>
    /// <param name="info">The configuration to check.</param>
    /// <returns>One sentence per problem; empty when the configuration is sound.</returns>
    public static IReadOnlyList<string> Validate<TState, TTrigger>(StateMachineInfo<TState, TTrigger> info)
        where TState : notnull
        where TTrigger : notnull
    {
        var problems = new List<string>();
        var byState = info.States.ToDictionary(s => s.State);
        var reported = new HashSet<TState>();
        if (!byState.ContainsKey(info.InitialState))
        {
            reported.Add(info.InitialState);
            problems.Add($"The initial state '{info.InitialState}' is never configured; call Configure({info.InitialState}) to give it its triggers.");
        }

        foreach (var state in info.States)
        {
            foreach (var transition in state.Transitions)
            {
                if (!byState.ContainsKey(transition.Destination) && reported.Add(transition.Destination))
                {
                    problems.Add($"State '{transition.Destination}' is the destination of trigger '{transition.Trigger}' from state '{state.State}' but is never configured; call Configure({transition.Destination}) for it, even if it accepts no triggers.");
                }
            }
        }

        var reached = Reach(info, byState);
        foreach (var state in info.States)
        {
            if (!reached.Contains(state.State))
            {
                problems.Add($"State '{state.State}' cannot be reached from the initial state '{info.InitialState}'; permit a trigger into it or remove its configuration.");
            }
        }

        return problems.AsReadOnly();
    }

    private static HashSet<TState> Reach<TState, TTrigger>(StateMachineInfo<TState, TTrigger> info, Dictionary<TState, StateInfo<TState, TTrigger>> byState)
        where TState : notnull
        where TTrigger : notnull
    {
        var reached = new HashSet<TState> { info.InitialState };
        var pending = new Queue<TState>(reached);
        while (pending.TryDequeue(out var state))
        {
            if (!byState.TryGetValue(state, out var current))
            {
                continue;
            }

            var activeStates = new[] { current.State }.Concat(current.Superstates);
            foreach (var active in activeStates)
            {
                if (reached.Add(active))
                {
                    pending.Enqueue(active);
                }

                foreach (var transition in byState[active].Transitions)
                {
                    if (reached.Add(transition.Destination))
                    {
                        pending.Enqueue(transition.Destination);
                    }
                }
            }
        }

        return reached;
    }
}
