namespace Mirt.Host.Cli;

/// <summary>
/// Holds one cumulative histogram bucket: how many observations were at most <paramref name="UpperBound"/>.
/// </summary>
/// <param name="UpperBound">The bucket's <c>le</c> boundary in the metric's unit (ms here); the last is
/// <see cref="double.PositiveInfinity"/>.</param>
/// <param name="CumulativeCount">The observations at or below the boundary.</param>
public readonly record struct PrometheusBucket(double UpperBound, double CumulativeCount);
