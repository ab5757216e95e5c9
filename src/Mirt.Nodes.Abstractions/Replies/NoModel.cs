namespace Mirt.Nodes.Abstractions.Replies;

/// <summary>
/// Serves as the model of a template that uses no variable.
/// </summary>
public sealed record NoModel
{
    /// <summary>Gets the only instance.</summary>
    public static NoModel Instance { get; } = new();
}
