namespace Mirt.Graph.Phases;

/// <summary>Describes an entry action that runs only when a given trigger caused the entry.</summary>
/// <typeparam name="TTrigger">The type of the machine's triggers.</typeparam>
/// <param name="Trigger">Names the trigger that must have caused the entry.</param>
/// <param name="Description">Describes the action: the text given when configuring it, or the method name.</param>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record EntryFromActionInfo<TTrigger>(TTrigger Trigger, string Description)
    where TTrigger : notnull;
