namespace Mirt.Graph.Phases;

/// <summary>Says what a configured trigger does when it fires.</summary>
internal enum TriggerBehaviourKind
{
    /// <summary>Moves to another state.</summary>
    Permit,

    /// <summary>Exits and re-enters the state that configured the trigger.</summary>
    Reentry,

    /// <summary>Accepts the trigger and does nothing.</summary>
    Ignore,
}
