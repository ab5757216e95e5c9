namespace Mirt.Host.Prompts;

/// <summary>
/// Writes the hot-reload log events with stable names. Problems name files, lines and template tags, never customer text.
/// </summary>
internal static partial class PromptReloadLog
{
    [LoggerMessage(EventId = 70, EventName = "prompts_watching", Level = LogLevel.Information,
        Message = "prompts hot reload on: watching {Directory}; a change reloads the templates after {DebounceMs} ms, a change that fails lint keeps the current ones")]
    public static partial void Watching(ILogger logger, string directory, double debounceMs);

    [LoggerMessage(EventId = 71, EventName = "prompts_reloaded", Level = LogLevel.Information,
        Message = "prompts reloaded templates={Count} from {Directory}")]
    public static partial void Reloaded(ILogger logger, int count, string directory);

    [LoggerMessage(EventId = 72, EventName = "prompts_reload_rejected", Level = LogLevel.Warning,
        Message = "prompts reload rejected: {Count} problem(s) under {Directory}; keeping the previous templates until they are fixed")]
    public static partial void Rejected(ILogger logger, int count, string directory);

    [LoggerMessage(EventId = 73, EventName = "prompts_reload_problem", Level = LogLevel.Warning,
        Message = "prompts problem {Problem}")]
    public static partial void Problem(ILogger logger, string problem);

    [LoggerMessage(EventId = 74, EventName = "prompts_reload_failed", Level = LogLevel.Warning,
        Message = "prompts reload failed under {Directory}; keeping the previous templates (the next change retries)")]
    public static partial void Failed(ILogger logger, Exception exception, string directory);
}
