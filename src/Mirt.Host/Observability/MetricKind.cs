namespace Mirt.Host.Observability;

/// <summary>Says how a metric family is exposed in the Prometheus text format.</summary>
public enum MetricKind
{
    /// <summary>A monotonic sum, exposed as <c>&lt;name&gt;_total</c>.</summary>
    Counter,

    /// <summary>A value that goes up and down, exposed as <c>&lt;name&gt;</c>.</summary>
    Gauge,

    /// <summary>A distribution, exposed as cumulative <c>&lt;name&gt;_bucket{le}</c> series (ending in <c>+Inf</c>),
    /// <c>&lt;name&gt;_sum</c> and <c>&lt;name&gt;_count</c>.</summary>
    Histogram,
}
