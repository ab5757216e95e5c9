namespace Mirt.Graph.Execution;

/// <summary>
/// Wraps another node and passes every call through by default; override <see cref="InvokeAsync"/> to add behaviour.
/// </summary>
public abstract class DelegatingNode : INode
{
    /// <summary>Creates a wrapper around <paramref name="inner"/>.</summary>
    /// <param name="inner">The wrapped node.</param>
    /// <exception cref="ArgumentNullException"><paramref name="inner"/> is <see langword="null"/>.</exception>
    protected DelegatingNode(INode inner)
    {
        ArgumentNullException.ThrowIfNull(inner);
        Inner = inner;
    }

    /// <summary>Gets the wrapped node.</summary>
    protected INode Inner { get; }

    /// <inheritdoc />
    public virtual ValueTask<NodeResult> InvokeAsync(NodeContext context, CancellationToken cancellationToken) =>
        Inner.InvokeAsync(context, cancellationToken);
}
