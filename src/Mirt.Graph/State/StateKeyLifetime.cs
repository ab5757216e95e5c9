namespace Mirt.Graph.State;

/// <summary>
/// Says how long a value written to a state channel lives.
/// </summary>
public enum StateKeyLifetime
{
    /// <summary>The value lives until it is overwritten; it is the conversation's memory.</summary>
    Conversation,

    /// <summary>The value is reset to the key's default when a turn starts, such as the replies of one turn.</summary>
    Turn,
}
