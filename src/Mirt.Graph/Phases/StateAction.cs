namespace Mirt.Graph.Phases;

/// <summary>Holds one entry or exit action of a state.</summary>
/// <typeparam name="TState">The type of the machine's states.</typeparam>
/// <typeparam name="TTrigger">The type of the machine's triggers.</typeparam>
/// <param name="Action">The code to run.</param>
/// <param name="Description">Describes the action for introspection.</param>
/// <param name="HasFromTrigger"><see langword="true"/> when the action runs only on entry by <paramref name="FromTrigger"/>.</param>
/// <param name="FromTrigger">The trigger that must have caused the entry; meaningful only when <paramref name="HasFromTrigger"/> is set.</param>
internal sealed record StateAction<TState, TTrigger>(
    Action<Transition<TState, TTrigger>> Action,
    string Description,
    bool HasFromTrigger,
    TTrigger? FromTrigger)
    where TState : notnull
    where TTrigger : notnull
{
    /// <summary>Tells whether the action applies to a transition.</summary>
    /// <param name="transition">The transition being executed.</param>
    /// <returns><see langword="true"/> when the action should run.</returns>
    public bool AppliesTo(Transition<TState, TTrigger> transition) =>
        !HasFromTrigger || EqualityComparer<TTrigger>.Default.Equals(FromTrigger, transition.Trigger);

    /// <summary>Describes an action for introspection: the given text, the method name, or a placeholder for lambdas.</summary>
    /// <param name="action">The action.</param>
    /// <param name="description">The caller's description, or <see langword="null"/>.</param>
    /// <returns>A non-empty description.</returns>
    public static string Describe(Delegate action, string? description)
    {
        if (!string.IsNullOrWhiteSpace(description))
        {
            return description;
        }

        var name = action.Method.Name;
        return name.Contains('<', StringComparison.Ordinal) ? "(anonymous)" : name;
    }
}
