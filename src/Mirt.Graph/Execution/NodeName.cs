namespace Mirt.Graph.Execution;

/// <summary>
/// Names a node of a graph.
/// </summary>
/// <param name="Value">The name; letters, digits, <c>_</c> and <c>-</c> (it appears in Mermaid output and metrics).</param>
public readonly record struct NodeName(string Value)
{
    /// <summary>Gets the pseudo-node that ends a turn: the bot waits for the next customer message.</summary>
    public static NodeName End { get; } = new("__end__");

    /// <summary>Tells whether this is <see cref="End"/>.</summary>
    public bool IsEnd => Value == End.Value;

    /// <summary>Returns the name.</summary>
    /// <returns>The value.</returns>
    public override string ToString() => Value;

    /// <summary>Converts a string to a node name.</summary>
    /// <param name="value">The name.</param>
    public static implicit operator NodeName(string value) => new(value);
}
