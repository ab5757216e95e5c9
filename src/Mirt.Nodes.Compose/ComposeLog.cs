using Microsoft.Extensions.Logging;

namespace Mirt.Nodes.Compose;

/// <summary>
/// Logs the compose node's outcomes with stable event names. Only rule names, counts, states and reasons are logged
/// above Trace: a model answer may echo the customer's data.
/// </summary>
internal static partial class ComposeLog
{
    /// <summary>Logs a rejected answer: rule names at Information, the error sentences at Trace only.</summary>
    public static void Rejected(ILogger logger, string state, int call, IReadOnlyList<Validation.ReplyError> errors)
    {
        if (logger.IsEnabled(LogLevel.Information))
        {
            var rules = string.Join(',', errors.Select(e => e.Rule).Distinct(StringComparer.Ordinal));
            ReplyRejected(logger, state, call, errors.Count, rules);
        }

        if (logger.IsEnabled(LogLevel.Trace))
        {
            var detail = string.Join(" | ", errors.Select(e => e.Message));
            ReplyRejectedDetail(logger, call, detail);
        }
    }

    [LoggerMessage(EventId = 401, EventName = "llm_reply_used", Level = LogLevel.Debug,
        Message = "llm_reply_used state={State} intent={Intent} calls={Calls} confidence={Confidence}")]
    public static partial void ReplyUsed(ILogger logger, string state, string intent, int calls, double confidence);

    [LoggerMessage(EventId = 402, EventName = "llm_reply_rejected", Level = LogLevel.Information,
        Message = "llm_reply_rejected state={State} call={Call} errors={ErrorCount} rules={Rules}")]
    public static partial void ReplyRejected(ILogger logger, string state, int call, int errorCount, string rules);

    [LoggerMessage(EventId = 403, EventName = "llm_reply_rejected_detail", Level = LogLevel.Trace,
        Message = "llm_reply_rejected_detail call={Call} errors={Errors}")]
    public static partial void ReplyRejectedDetail(ILogger logger, int call, string errors);

    [LoggerMessage(EventId = 404, EventName = "llm_reply_degraded", Level = LogLevel.Warning,
        Message = "llm_reply_degraded reason={Reason} state={State} intent={Intent} calls={Calls} error={ErrorType}")]
    public static partial void Degraded(ILogger logger, string reason, string state, string intent, int calls, string errorType);

    [LoggerMessage(EventId = 405, EventName = "llm_reply_skipped", Level = LogLevel.Debug,
        Message = "llm_reply_skipped reason=no_llm state={State}")]
    public static partial void NoClient(ILogger logger, string state);
}
