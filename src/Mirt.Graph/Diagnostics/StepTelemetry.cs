using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Mirt.Graph.Execution;

namespace Mirt.Graph.Diagnostics;

/// <summary>
/// Observes one node step: an <c>agent_step</c> span around it, then its duration in <c>agent_step_latency_ms</c> and
/// an <c>agent_step</c> log line when it ends. Create it with <see cref="Start"/> when the step starts, call
/// <see cref="Finished"/> or <see cref="Failed"/> once, and dispose it to close the span.
/// </summary>
internal sealed class StepTelemetry : IDisposable
{
    private readonly Activity? _span;
    private readonly NodeName _node;
    private readonly int _step;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly long _started;

    private StepTelemetry(Activity? span, NodeName node, int step, TimeProvider time, ILogger logger)
    {
        _span = span;
        _node = node;
        _step = step;
        _time = time;
        _logger = logger;
        _started = time.GetTimestamp();
    }

    /// <summary>Starts observing a step; the span is <see langword="null"/> when nobody listens to traces.</summary>
    public static StepTelemetry Start(string threadId, NodeName node, int step, TimeProvider time, ILogger logger)
    {
        var span = GraphTelemetry.Source.StartActivity(GraphTelemetry.AgentStepSpan);
        if (span is not null)
        {
            span.SetTag(TelemetryTags.ThreadHash, ThreadIdMask.Hash(threadId));
            span.SetTag(TelemetryTags.Node, node.Value);
            span.SetTag(TelemetryTags.Step, step);
            span.SetTag(TelemetryTags.Release, TelemetryContext.Release);
        }

        return new StepTelemetry(span, node, step, time, logger);
    }

    /// <summary>Records a step that returned and gives its duration in milliseconds (runner clock).</summary>
    public double Finished()
    {
        var ms = Record();
        var rounded = Math.Round(ms, 1);
        GraphLog.AgentStep(_logger, _node.Value, _step, rounded);
        return ms;
    }

    /// <summary>Records a step that threw after its retries; the span is marked as an error.</summary>
    public void Failed(Exception error)
    {
        var ms = Record();
        _span?.SetStatus(ActivityStatusCode.Error, error.GetType().Name);
        if (_logger.IsEnabled(LogLevel.Warning))
        {
            GraphLog.AgentStepFailed(_logger, _node.Value, _step, Math.Round(ms, 1), error.GetType().Name);
        }
    }

    public void Dispose() => _span?.Dispose();

    private double Record()
    {
        var ms = _time.GetElapsedTime(_started).TotalMilliseconds;
        GraphTelemetry.StepLatency.Record(ms, new KeyValuePair<string, object?>(TelemetryTags.Node, _node.Value), TelemetryContext.ReleaseTag);
        return ms;
    }
}
