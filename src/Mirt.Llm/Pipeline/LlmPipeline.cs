using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;

namespace Mirt.Llm.Pipeline;

/// <summary>
/// Builds the LLM pipeline the sales assistant uses: logging → metrics → deadline → fallback → retry → adapter (see
/// <see cref="LlmPipelineBuilder"/> for why this order).
/// </summary>
public static class LlmPipeline
{
    /// <summary>Gets the logger category every Mirt.Llm middleware writes through.</summary>
    public const string LoggerCategory = "Mirt.Llm";

    /// <summary>Wraps an adapter in the default middleware.</summary>
    /// <param name="inner">The adapter, for example the OpenAI one.</param>
    /// <param name="options">The settings of each middleware.</param>
    /// <param name="loggerFactory">Creates the <see cref="LoggerCategory"/> logger; <see langword="null"/> logs nothing
    /// (the logging middleware is then left out).</param>
    /// <param name="time">The clock for deadlines, waits and latencies; <see langword="null"/> for <see cref="TimeProvider.System"/>.</param>
    /// <returns>The outermost client; disposing it disposes <paramref name="inner"/> too.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="inner"/> or <paramref name="options"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">An option is invalid; the message names it.</exception>
    public static IChatClient CreateDefault(IChatClient inner, LlmPipelineOptions options, ILoggerFactory? loggerFactory = null, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(inner);
        ArgumentNullException.ThrowIfNull(options);
        var builder = new LlmPipelineBuilder(time, loggerFactory);
        if (loggerFactory is not null)
        {
            builder.UseLogging();
        }

        return builder
            .UseMetrics(options.Prices)
            .UseDeadline(options.Deadline)
            .UseFallback(options.Fallback)
            .UseRetry(options.Retry)
            .Build(inner);
    }
}
