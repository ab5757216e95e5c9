namespace Mirt.Host.Observability;

/// <summary>
/// Holds one metric as collected at a scrape: its name, help text, kind and every labelled series.
/// </summary>
/// <param name="Name">The metric name without suffixes (for example <c>turns</c>, not <c>turns_total</c>); characters
/// outside <c>[a-zA-Z0-9_:]</c> are replaced with <c>_</c> when written.</param>
/// <param name="Help">The one-line description written after <c># HELP</c>; may be empty.</param>
/// <param name="Kind">How the family is exposed.</param>
/// <param name="Series">The labelled series; each holds a value (counter, gauge) or a histogram.</param>
public sealed record MetricFamily(string Name, string Help, MetricKind Kind, IReadOnlyList<MetricSeries> Series);
