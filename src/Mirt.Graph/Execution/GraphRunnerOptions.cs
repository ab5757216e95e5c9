namespace Mirt.Graph.Execution;

/// <summary>
/// Configures a <see cref="GraphRunner"/>.
/// </summary>
public sealed class GraphRunnerOptions
{
    /// <summary>Gets the most node steps one turn may take before it is stopped as a loop.</summary>
    /// <value>The default is 25 steps.</value>
    public int MaxStepsPerTurn { get; init; } = 25;

    /// <summary>Gets the clock for checkpoint times.</summary>
    /// <value>The default is <see cref="TimeProvider.System"/>.</value>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>Gets the generator of checkpoint ids; <see langword="null"/> uses a sortable generator over <see cref="Time"/>.</summary>
    /// <value>The default is <see langword="null"/>.</value>
    public Time.IIdGenerator? Ids { get; init; }

    /// <summary>Gets the services nodes may resolve through <see cref="NodeContext.Services"/>.</summary>
    /// <value>The default is <see langword="null"/>, an empty provider.</value>
    public IServiceProvider? Services { get; init; }
}
