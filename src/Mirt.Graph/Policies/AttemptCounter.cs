namespace Mirt.Graph.Policies;

/// <summary>Counts the attempts of one node step, so a failure record can say how often the node was tried.</summary>
internal sealed class AttemptCounter
{
    /// <summary>Gets or sets the attempts started so far.</summary>
    public int Count { get; set; }
}
