namespace Mirt.Graph.Policies;

/// <summary>Says how the wait between retries of a node grows.</summary>
public enum NodeBackoff
{
    /// <summary>Every wait is <see cref="NodePolicy.BaseDelayMs"/>.</summary>
    Constant = 0,

    /// <summary>The n-th wait is n × <see cref="NodePolicy.BaseDelayMs"/>.</summary>
    Linear = 1,

    /// <summary>The n-th wait is 2^(n-1) × <see cref="NodePolicy.BaseDelayMs"/>.</summary>
    Exponential = 2,
}
