namespace Mirt.Host.Cli;

/// <summary>
/// Holds one sample line of a Prometheus text exposition: <c>name{label="value",...} value</c>.
/// </summary>
/// <param name="Name">The series name as written, for example <c>end_to_end_latency_ms_bucket</c>.</param>
/// <param name="Labels">The labels, by name (ordinal); empty when the line has none.</param>
/// <param name="Value">The sample value; may be <see cref="double.PositiveInfinity"/>, negative infinity or NaN.</param>
public sealed record PrometheusSample(string Name, IReadOnlyDictionary<string, string> Labels, double Value)
{
    /// <summary>Gets a label's value, or the empty string when the sample has no such label (Prometheus treats the
    /// two alike).</summary>
    /// <param name="name">The label name.</param>
    /// <returns>The value, or <see cref="string.Empty"/>.</returns>
    public string Label(string name) => Labels.TryGetValue(name, out var value) ? value : string.Empty;
}
