using Mirt.Graph.Checkpoints;
using Mirt.Graph.Diagnostics;
using Mirt.Graph.Execution;
using Mirt.Graph.State;
using Microsoft.Extensions.Logging;
using Mirt.Nodes.Abstractions.Flow;
using Mirt.Nodes.Abstractions.State;
using Mirt.Nodes.Compose.Validation;
using Mirt.Rules.Catalog;
using Mirt.Rules.Domain;
using Mirt.Rules.Shop;
using Mirt.Sales.Diagnostics;
using Mirt.Sales.Graph;
using Mirt.Sales.Prompts;
using Mirt.Sales.Releases;

namespace Mirt.Sales.Assistant;

/// <summary>
/// Runs the sales conversation: one customer message in, one turn of the sales graph, the reply out. Loads and
/// validates the catalog, the shop profile and every template at creation, so a broken file stops start-up.
/// </summary>
/// <remarks>Thread-safe: turns of one thread run one at a time, different threads in parallel.</remarks>
public sealed partial class SalesAssistant : IAsyncDisposable
{
    /// <summary>Gets the log category of the <c>checkpointer</c> lines (one per store call of a turn).</summary>
    public const string CheckpointLogCategory = "Mirt.Graph.Checkpointer";

    private readonly GraphRunner _runner;
    private readonly ICheckpointSaver _saver;
    private readonly ICheckpointSaver _observedSaver;
    private readonly bool _ownsSaver;
    private readonly TimeProvider _time;

    /// <summary>Gets who is on which release and the renderer that picks the release's prompt set.</summary>
    private ReleaseRouting Routing { get; init; } = null!;

    private SalesAssistant(GraphRunner runner, ICheckpointSaver saver, ICheckpointSaver observedSaver, bool ownsSaver, ShopData shop, string promptsDirectory, string storeDescription, TimeProvider time)
    {
        _runner = runner;
        _saver = saver;
        _observedSaver = observedSaver;
        _ownsSaver = ownsSaver;
        Shop = shop;
        PromptsDirectory = promptsDirectory;
        StoreDescription = storeDescription;
        _time = time;
    }

    /// <summary>Gets the catalog and shop profile in use.</summary>
    public ShopData Shop { get; }

    /// <summary>Gets the full path of the prompts directory in use.</summary>
    public string PromptsDirectory { get; }

    /// <summary>Gets a one-line description of the store, for start-up logs and readiness (no secrets).</summary>
    public string StoreDescription { get; }

    /// <summary>Gets stable's reply renderer, whose <see cref="PromptReplyRenderer.Reload"/> hot-reloads the templates.</summary>
    public PromptReplyRenderer PromptRenderer { get; private init; } = null!;

    /// <summary>Gets the graph being run, for its Mermaid diagram.</summary>
    public Mirt.Graph.Building.ConversationGraph Graph => _runner.Graph;

    /// <summary>Gets a value indicating whether every reply comes from the rule-only flow because no chat client is
    /// configured (<see cref="SalesAssistantOptions.ChatClient"/>); with one, a single turn may still be degraded (see
    /// <see cref="AssistantReply.DegradedReason"/>).</summary>
    public bool Degraded { get; private init; }

    /// <summary>Loads data and templates, opens the store and builds the graph.</summary>
    /// <param name="options">Where data, prompts and the store are; <see langword="null"/> for defaults.</param>
    /// <param name="cancellationToken">Cancels opening the store.</param>
    /// <returns>The assistant.</returns>
    /// <exception cref="CatalogValidationException">The catalog file is broken.</exception>
    /// <exception cref="Mirt.Prompts.PromptValidationException">A template is missing or broken (file and line in the message).</exception>
    /// <exception cref="DirectoryNotFoundException">No prompts directory was found, or the canary's does not exist.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The canary percentage is not in [0, 100] or its fault delay is
    /// negative, or an <see cref="SalesAssistantOptions.LlmReply"/> value is out of range.</exception>
    public static async Task<SalesAssistant> CreateAsync(SalesAssistantOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new SalesAssistantOptions();
        var catalog = options.CatalogFile is null ? CatalogLoader.LoadDefault() : CatalogLoader.Load(options.CatalogFile);
        var profile = options.ShopFile is null ? ShopProfileLoader.LoadDefault() : ShopProfileLoader.Load(options.ShopFile);
        var shop = new ShopData(catalog, profile);
        options.LlmReply?.Validate();
        var promptsDirectory = Prompts.PromptsDirectory.Resolve(options.PromptsDirectory);
        var renderer = PromptReplyRenderer.Load(promptsDirectory);
        var releases = ReleaseRouting.Create(options.Canary, renderer);
        var (saver, description, owned) = await OpenStoreAsync(options, cancellationToken).ConfigureAwait(false);
        // Every store call of a turn is timed and counted; readiness probes use the bare store so they do not skew it.
        var observed = new InstrumentedCheckpointSaver(saver, options.Logging?.CreateLogger(CheckpointLogCategory), options.Time);
        var runner = new GraphRunner(SalesGraph.Build(options.Vision), observed, new GraphRunnerOptions
        {
            Time = options.Time,
            Ids = options.Ids,
            Durability = options.Durability,
            LatestCacheSize = options.LatestCacheSize,
            Services = new ServiceBag(
                shop, releases.Renderer, options.ImageFetcher, options.ChatClient, options.LlmReply, new PermittedTransition(SalesStateMachine.CanMove), options.Logging),
            Logging = options.Logging,
        });
        return new SalesAssistant(runner, saver, observed, owned, shop, promptsDirectory, description, options.Time) { Routing = releases, PromptRenderer = renderer, Degraded = options.ChatClient is null };
    }

    /// <summary>Names the release that serves a conversation (see <see cref="ReleaseAssignment"/>): the same answer
    /// for every turn while the canary settings stay.</summary>
    /// <param name="threadId">The thread (subscriber) id.</param>
    /// <returns><c>stable</c> or <c>canary</c>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="threadId"/> is null.</exception>
    public string ReleaseFor(string threadId) => Routing.Assignment.ReleaseFor(threadId);

    /// <summary>Runs one turn for a customer message.</summary>
    /// <param name="message">The message.</param>
    /// <param name="cancellationToken">Cancels the turn between node steps.</param>
    /// <returns>The reply and where the conversation now waits.</returns>
    /// <remarks>Each turn is a <c>turn</c> span and is counted in <c>turns{outcome}</c> with its escalation, order,
    /// degraded reply and moderation block (see <see cref="SalesTelemetry"/>), in the release <see cref="ReleaseFor"/>
    /// assigns; that release is <see cref="TelemetryContext.Release"/> for the whole turn and picks its prompt set.</remarks>
    /// <exception cref="ArgumentException">The thread id is empty, or the start state is not a conversation state.</exception>
    public async Task<AssistantReply> HandleAsync(IncomingMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentException.ThrowIfNullOrWhiteSpace(message.ThreadId, nameof(message));
        using var release = TelemetryContext.UseRelease(ReleaseFor(message.ThreadId));
        using var telemetry = TurnTelemetry.Start(message.ThreadId);
        try
        {
            var reply = await RunTurnAsync(message, cancellationToken).ConfigureAwait(false);
            telemetry.Succeeded(reply);
            return reply;
        }
        catch (Exception ex)
        {
            telemetry.Failed(ex);
            throw;
        }
    }

    private async Task<AssistantReply> RunTurnAsync(IncomingMessage message, CancellationToken cancellationToken)
    {
        var started = _time.GetTimestamp();
        await Routing.DelayIfCanaryAsync(_time, cancellationToken).ConfigureAwait(false);
        var input = new List<StateWrite>
        {
            SalesKeys.Message.Set(new CustomerMessage(message.Text ?? string.Empty, NullIfBlank(message.ImageUrl), NullIfBlank(message.FirstName))),
        };
        if (message.StartState is { } startState && await _runner.GetStateAsync(message.ThreadId, cancellationToken).ConfigureAwait(false) is null)
        {
            input.Add(SalesKeys.State.Set(startState));
            input.Add(SalesKeys.Phase.Set(StartStates.PhaseFor(startState).Value));
        }

        var metadata = new Dictionary<string, string>(StringComparer.Ordinal) { ["sender"] = "customer" };
        if (message.TurnId is { } turnId)
        {
            metadata[CheckpointMetadata.RunIdKey] = turnId;
        }

        var (state, path) = await RunOrResumeAsync(message, input, metadata, cancellationToken).ConfigureAwait(false);

        // A turn that never reached the compose node (a moderation block) is degraded only when no LLM is configured.
        var degradedReason = state.Get(SalesKeys.DegradedReason) ?? (Degraded ? DegradedReasons.NoLlm : null);
        SalesTelemetry.CountValidationErrors(state.Get(SalesKeys.ModelRejections));
        return new AssistantReply(
            message.ThreadId,
            state.Get(SalesKeys.Replies),
            state.Get(SalesKeys.State),
            state.Get(SalesKeys.Phase),
            state.Get(SalesKeys.Intent) ?? Intent.UnknownOrEmpty.Value,
            state.Get(SalesKeys.Products),
            state.Get(SalesKeys.Escalation),
            degradedReason is not null,
            Math.Round(_time.GetElapsedTime(started).TotalMilliseconds, 1),
            path,
            state.Get(SalesKeys.Templates),
            state.Get(SalesKeys.Order),
            TelemetryContext.Release,
            degradedReason);
    }

    // A resumed turn may already be stored, whole or in part: applying its message again would put it in the transcript
    // twice, so the stored turn is finished (its crash left nodes to run) or simply read back (it finished before).
    private async Task<(GraphState State, IReadOnlyList<string> Path)> RunOrResumeAsync(
        IncomingMessage message, List<StateWrite> input, Dictionary<string, string> metadata, CancellationToken cancellationToken)
    {
        if (message is { Resumed: true, TurnId: { } turnId })
        {
            var stored = await _runner.GetStateAsync(message.ThreadId, cancellationToken).ConfigureAwait(false);
            if (stored is not null && stored.Metadata.Extra.TryGetValue(CheckpointMetadata.RunIdKey, out var storedRun) && storedRun == turnId)
            {
                if (!stored.HasPendingNodes)
                {
                    return (stored.State, ["(stored)"]);
                }

                var finished = await _runner.ContinueAsync(message.ThreadId, null, metadata, cancellationToken).ConfigureAwait(false);
                return (finished.State, [.. finished.Path.Select(p => p.Value)]);
            }
        }

        var turn = await _runner.RunTurnAsync(message.ThreadId, input, metadata, cancellationToken).ConfigureAwait(false);
        return (turn.State, [.. turn.Path.Select(p => p.Value)]);
    }

    /// <summary>Loads the whole stored transcript of a conversation, oldest first.</summary>
    /// <param name="threadId">The conversation thread.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The transcript; empty for an unknown thread.</returns>
    /// <exception cref="ArgumentException"><paramref name="threadId"/> is empty.</exception>
    public async Task<IReadOnlyList<TranscriptEntry>> GetTranscriptAsync(string threadId, CancellationToken cancellationToken = default)
    {
        var state = await _runner.GetStateAsync(threadId, cancellationToken).ConfigureAwait(false);
        return state?.State.Get(SalesKeys.Transcript) ?? [];
    }

    /// <summary>Checks that the store answers, for readiness probes.</summary>
    /// <param name="cancellationToken">Cancels the check.</param>
    /// <returns><see langword="true"/> when a read succeeded.</returns>
    public async Task<bool> IsStoreReachableAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            await _saver.GetTupleAsync(new CheckpointConfig("__readiness__"), cancellationToken).ConfigureAwait(false);
            return true;
        }
#pragma warning disable CA1031 // Readiness reports any store failure as not ready instead of throwing.
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
#pragma warning restore CA1031
        {
            return false;
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_ownsSaver && _saver is IAsyncDisposable disposable)
        {
            await disposable.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Retention: deletes checkpoints older than <paramref name="age"/>, keeping the latest of every conversation.</summary>
    /// <param name="age">How old a checkpoint must be to go (for example 30 days).</param>
    /// <param name="cancellationToken">Cancels the prune; finished batches stay deleted.</param>
    /// <returns>How many checkpoints were deleted.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="age"/> is negative.</exception>
    public Task<long> PruneOlderThanAsync(TimeSpan age, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(age, TimeSpan.Zero);
        return _observedSaver.PruneOlderThanAsync(_time.GetUtcNow() - age, cancellationToken);
    }

    private static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
