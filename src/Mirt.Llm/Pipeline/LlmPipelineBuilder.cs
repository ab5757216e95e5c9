using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Mirt.Llm.Deadline;
using Mirt.Llm.Diagnostics;
using Mirt.Llm.Fallback;
using Mirt.Llm.Retry;

namespace Mirt.Llm.Pipeline;

/// <summary>
/// Composes LLM middleware around an adapter. The first middleware added is the outermost: it sees the call first and
/// the outcome last.
/// </summary>
/// <remarks>
/// <para>The recommended order, the one <see cref="LlmPipeline.CreateDefault"/> builds, is
/// <c>UseLogging → UseMetrics → UseDeadline → UseFallback → UseRetry → adapter</c>:</para>
/// <list type="bullet">
/// <item><description>Logging and metrics outermost see one logical call: its total latency (what the turn waited and
/// the SLO measures), the model that finally answered, and one error when nothing answered, so
/// <c>llm_errors / llm_latency_ms_count</c> is a true failure ratio. Retries and fallbacks below write their own
/// <c>llm_retry</c> and <c>llm_fallback</c> lines.</description></item>
/// <item><description>The deadline wraps everything that can take time, retries, waits and fallback models included,
/// so the turn budget (8 s, <c>shared/MANYCHAT.md</c>) holds whatever happens below; once it fires no retry or
/// fallback starts.</description></item>
/// <item><description>Fallback outside retry: a transient blip is retried on the same model first (cheap, same
/// answer quality); only a model that keeps failing, or fails for good (auth, bad request), hands over to the fallback
/// model, which gets its own retry.</description></item>
/// </list>
/// <para>Options are validated when added; <see cref="Build"/> refuses later edits. Not thread-safe; build once at
/// start-up. The built pipeline is thread-safe.</para>
/// </remarks>
public sealed class LlmPipelineBuilder
{
    private readonly List<Func<IChatClient, IChatClient>> _layers = [];
    private readonly TimeProvider _time;
    private readonly ILoggerFactory? _loggerFactory;
    private bool _built;

    /// <summary>Creates an empty builder.</summary>
    /// <param name="time">The clock for deadlines, waits and latencies; <see langword="null"/> for <see cref="TimeProvider.System"/>.</param>
    /// <param name="loggerFactory">Creates the <see cref="LlmPipeline.LoggerCategory"/> logger for logging, retry and
    /// fallback lines; <see langword="null"/> for none.</param>
    public LlmPipelineBuilder(TimeProvider? time = null, ILoggerFactory? loggerFactory = null)
    {
        _time = time ?? TimeProvider.System;
        _loggerFactory = loggerFactory;
    }

    /// <summary>Adds a middleware of your own at this position.</summary>
    /// <param name="layer">Wraps the client below it and returns the wrapper.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="layer"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOperationException">The pipeline was already built.</exception>
    public LlmPipelineBuilder Use(Func<IChatClient, IChatClient> layer)
    {
        ArgumentNullException.ThrowIfNull(layer);
        if (_built)
        {
            throw new InvalidOperationException("The LLM pipeline was already built; add every middleware before calling Build, or start a new LlmPipelineBuilder.");
        }

        _layers.Add(layer);
        return this;
    }

    /// <summary>Adds <see cref="LoggingChatClient"/>.</summary>
    /// <returns>This builder.</returns>
    /// <exception cref="InvalidOperationException">The builder has no logger factory, or the pipeline was already built.</exception>
    public LlmPipelineBuilder UseLogging()
    {
        var logger = Logger() ?? throw new InvalidOperationException("UseLogging needs a logger factory; pass one to the LlmPipelineBuilder constructor.");
        return Use(inner => new LoggingChatClient(inner, logger, _time));
    }

    /// <summary>Adds <see cref="MetricsChatClient"/>.</summary>
    /// <param name="prices">The price table; <see langword="null"/> prices every call at 0 USD.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentException"><paramref name="prices"/> is invalid.</exception>
    /// <exception cref="InvalidOperationException">The pipeline was already built.</exception>
    public LlmPipelineBuilder UseMetrics(LlmPriceTable? prices = null)
    {
        prices ??= new LlmPriceTable();
        prices.Validate();
        return Use(inner => new MetricsChatClient(inner, prices, _time));
    }

    /// <summary>Adds <see cref="DeadlineChatClient"/>.</summary>
    /// <param name="options">The deadline; <see langword="null"/> for the defaults (6 000 ms).</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentException"><paramref name="options"/> is invalid.</exception>
    /// <exception cref="InvalidOperationException">The pipeline was already built.</exception>
    public LlmPipelineBuilder UseDeadline(DeadlineOptions? options = null)
    {
        options ??= new DeadlineOptions();
        options.Validate();
        return Use(inner => new DeadlineChatClient(inner, options, _time));
    }

    /// <summary>Adds <see cref="FallbackChatClient"/>.</summary>
    /// <param name="options">The fallback models; <see langword="null"/> for none.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentException"><paramref name="options"/> is invalid.</exception>
    /// <exception cref="InvalidOperationException">The pipeline was already built.</exception>
    public LlmPipelineBuilder UseFallback(FallbackOptions? options = null)
    {
        options ??= new FallbackOptions();
        options.Validate();
        var logger = Logger();
        return Use(inner => new FallbackChatClient(inner, options, logger));
    }

    /// <summary>Adds <see cref="RetryChatClient"/>.</summary>
    /// <param name="options">The retry settings; <see langword="null"/> for the defaults (1 retry).</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentException"><paramref name="options"/> is invalid.</exception>
    /// <exception cref="InvalidOperationException">The pipeline was already built.</exception>
    public LlmPipelineBuilder UseRetry(RetryOptions? options = null)
    {
        options ??= new RetryOptions();
        options.Validate();
        var logger = Logger();
        return Use(inner => new RetryChatClient(inner, options, _time, logger));
    }

    /// <summary>Wraps an adapter in the middleware added, the first added outermost; no edits are accepted afterwards.</summary>
    /// <param name="inner">The adapter.</param>
    /// <returns>The outermost client (<paramref name="inner"/> itself when nothing was added).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="inner"/> is <see langword="null"/>.</exception>
    public IChatClient Build(IChatClient inner)
    {
        ArgumentNullException.ThrowIfNull(inner);
        _built = true;
        var client = inner;
        for (var i = _layers.Count - 1; i >= 0; i--)
        {
            client = _layers[i](client);
        }

        return client;
    }

    private ILogger? Logger() => _loggerFactory?.CreateLogger(LlmPipeline.LoggerCategory);
}
