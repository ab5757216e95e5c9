using Mirt.Graph.Checkpoints;
using Mirt.Graph.Interrupts;
using Mirt.Graph.Streaming;

namespace Mirt.Graph.Execution;

/// <content>Finishes unfinished turns: after a crash or failure, from an older checkpoint (replay), or with the answer
/// to an interrupt.</content>
public sealed partial class GraphRunner
{
    /// <summary>
    /// Runs the nodes a checkpoint still names as next: finishes a turn a crash or a failure left unfinished, or — given
    /// an older checkpoint — replays the thread from there as a fork.
    /// </summary>
    /// <param name="threadId">The thread.</param>
    /// <param name="fromCheckpointId">The checkpoint to run from, or <see langword="null"/> for the thread's latest.
    /// For an older checkpoint the first new checkpoint is put as its child with <see cref="ExpectedHead.Any"/> (a fork
    /// point: the thread's head moved on, so there is nothing to fence on) and an id that sorts after the head, so the
    /// fork becomes the thread's latest; the later steps are fenced as usual.</param>
    /// <param name="metadata">Pairs stored with every new checkpoint; <see langword="null"/> for none.</param>
    /// <param name="cancellationToken">Cancels the run between steps.</param>
    /// <returns>The result; its path is empty and no checkpoint is written when the checkpoint names no next node. A
    /// node that runs again sees the same checkpoint id, so its idempotency keys match the first attempt's. An answered
    /// interrupt (the resumed run crashed) is resumed again with the stored answer.</returns>
    /// <exception cref="ArgumentException"><paramref name="threadId"/> is empty, or the checkpoint does not exist.</exception>
    /// <exception cref="InvalidOperationException">The thread has no checkpoint.</exception>
    /// <exception cref="PendingInterruptException">The checkpoint waits on an unanswered interrupt; use <see cref="ResumeAsync"/>.</exception>
    /// <exception cref="GraphExecutionException">A node failed, routed to an undeclared target, or the run looped.</exception>
    /// <exception cref="CheckpointConflictException">Another writer advanced the thread.</exception>
    public Task<TurnResult> ContinueAsync(
        string threadId,
        string? fromCheckpointId = null,
        IReadOnlyDictionary<string, string>? metadata = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(threadId);
        return ContinueCoreAsync(threadId, fromCheckpointId, metadata, GraphEventSink.None, cancellationToken);
    }

    /// <summary>Runs like <see cref="ContinueAsync"/> and reports its progress as it happens (see <see cref="StreamTurnAsync"/>).</summary>
    /// <param name="threadId">The thread.</param>
    /// <param name="fromCheckpointId">The checkpoint to run from, or <see langword="null"/> for the latest.</param>
    /// <param name="metadata">Pairs stored with every new checkpoint; <see langword="null"/> for none.</param>
    /// <param name="cancellationToken">Cancels the run between steps.</param>
    /// <returns>The events, ending with <see cref="TurnFinished"/>.</returns>
    /// <exception cref="ArgumentException"><paramref name="threadId"/> is empty.</exception>
    public IAsyncEnumerable<GraphEvent> StreamContinueAsync(
        string threadId,
        string? fromCheckpointId = null,
        IReadOnlyDictionary<string, string>? metadata = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(threadId);
        return EventStream.RunAsync((sink, token) => ContinueCoreAsync(threadId, fromCheckpointId, metadata, sink, token), cancellationToken);
    }

    /// <summary>
    /// Answers the interrupt the thread is paused on and runs the paused node again — from the same checkpoint, so with
    /// the same idempotency keys — with the answer in <see cref="NodeContext.ResumeJson"/>, then finishes the turn.
    /// </summary>
    /// <param name="threadId">The thread.</param>
    /// <param name="resumeValue">The human's decision; serialised to JSON by its runtime type (web defaults). It is
    /// stored as a <see cref="WriteChannels.Resume"/> pending write before the node runs, so after a crash
    /// <see cref="ContinueAsync"/> resumes with it again; resuming again replaces it.</param>
    /// <param name="metadata">Pairs stored with every new checkpoint; <see langword="null"/> for none.</param>
    /// <param name="cancellationToken">Cancels the run between steps.</param>
    /// <returns>The result; interrupted again when the node asks another question.</returns>
    /// <exception cref="ArgumentException"><paramref name="threadId"/> is empty.</exception>
    /// <exception cref="InvalidOperationException">The thread has no checkpoint, or its latest checkpoint has no interrupt.</exception>
    /// <exception cref="NotSupportedException">The value cannot be serialised to JSON.</exception>
    /// <exception cref="GraphExecutionException">A node failed, routed to an undeclared target, or the run looped.</exception>
    /// <exception cref="CheckpointConflictException">Another writer advanced the thread.</exception>
    public Task<TurnResult> ResumeAsync(
        string threadId,
        object? resumeValue,
        IReadOnlyDictionary<string, string>? metadata = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(threadId);
        var resumeJson = PayloadJsonCodec.Serialize(resumeValue);
        return ResumeCoreAsync(threadId, resumeJson, metadata, GraphEventSink.None, cancellationToken);
    }

    /// <summary>Runs like <see cref="ResumeAsync"/> and reports its progress as it happens (see <see cref="StreamTurnAsync"/>).</summary>
    /// <param name="threadId">The thread.</param>
    /// <param name="resumeValue">The human's decision.</param>
    /// <param name="metadata">Pairs stored with every new checkpoint; <see langword="null"/> for none.</param>
    /// <param name="cancellationToken">Cancels the run between steps.</param>
    /// <returns>The events, ending with <see cref="TurnFinished"/>.</returns>
    /// <exception cref="ArgumentException"><paramref name="threadId"/> is empty.</exception>
    /// <exception cref="NotSupportedException">The value cannot be serialised to JSON.</exception>
    public IAsyncEnumerable<GraphEvent> StreamResumeAsync(
        string threadId,
        object? resumeValue,
        IReadOnlyDictionary<string, string>? metadata = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(threadId);
        var resumeJson = PayloadJsonCodec.Serialize(resumeValue);
        return EventStream.RunAsync((sink, token) => ResumeCoreAsync(threadId, resumeJson, metadata, sink, token), cancellationToken);
    }

    private async Task<TurnResult> ContinueCoreAsync(string threadId, string? fromCheckpointId, IReadOnlyDictionary<string, string>? metadata, GraphEventSink sink, CancellationToken cancellationToken)
    {
        using var turn = await _gate.EnterAsync(threadId, cancellationToken).ConfigureAwait(false);
        _latest.Evict(threadId);
        var scope = RootScope(threadId, metadata, sink);
        var head = await LoadHeadAsync(threadId, cancellationToken).ConfigureAwait(false);
        var target = await LoadAsync(head, fromCheckpointId, cancellationToken).ConfigureAwait(false);
        var interrupt = InterruptRecords.Find(target);
        if (interrupt is { IsAnswered: false })
        {
            throw new PendingInterruptException(threadId, interrupt);
        }

        return await RunFromAsync(scope, head, target, interrupt, cancellationToken).ConfigureAwait(false);
    }

    private async Task<TurnResult> ResumeCoreAsync(string threadId, string resumeJson, IReadOnlyDictionary<string, string>? metadata, GraphEventSink sink, CancellationToken cancellationToken)
    {
        using var turn = await _gate.EnterAsync(threadId, cancellationToken).ConfigureAwait(false);
        _latest.Evict(threadId);
        var scope = RootScope(threadId, metadata, sink);
        var head = await LoadHeadAsync(threadId, cancellationToken).ConfigureAwait(false);
        var interrupt = InterruptRecords.Find(head)
            ?? throw new InvalidOperationException($"Thread '{threadId}' is not paused on an interrupt (its latest checkpoint '{head.Checkpoint.Id}' has none); run a turn, or ContinueAsync to finish an unfinished one.");
        var answered = await AnswerAsync(head, interrupt, resumeJson, cancellationToken).ConfigureAwait(false);
        return await RunFromAsync(scope, head, head, answered, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Stores the answer to an interrupt before the node runs again, so a crash does not lose it.</summary>
    private async Task<GraphInterrupt> AnswerAsync(CheckpointTuple at, GraphInterrupt interrupt, string resumeJson, CancellationToken cancellationToken)
    {
        await _saver.PutWritesAsync(at.Config, [InterruptRecords.ResumeWrite(interrupt, resumeJson)], interrupt.Node.Value, cancellationToken: cancellationToken).ConfigureAwait(false);
        return interrupt with { ResumeJson = resumeJson };
    }

    /// <summary>Runs the rest of the turn recorded at <paramref name="target"/>; a target older than the head forks.</summary>
    private Task<TurnResult> RunFromAsync(RunScope scope, CheckpointTuple head, CheckpointTuple target, GraphInterrupt? answered, CancellationToken cancellationToken)
    {
        var cursor = At(scope, target) with { Answered = answered };
        if (!string.Equals(target.Checkpoint.Id, head.Checkpoint.Id, StringComparison.Ordinal))
        {
            cursor = cursor with { Fence = ExpectedHead.Any, SortAfter = head.Checkpoint.Id };
        }

        return RunLoopAsync(scope, cursor, cancellationToken);
    }

    private async Task<CheckpointTuple> LoadHeadAsync(string threadId, CancellationToken cancellationToken) =>
        await _saver.GetTupleAsync(new CheckpointConfig(threadId), cancellationToken).ConfigureAwait(false)
        ?? throw new InvalidOperationException($"Thread '{threadId}' has no checkpoint; run a turn first.");

    private async Task<CheckpointTuple> LoadAsync(CheckpointTuple head, string? checkpointId, CancellationToken cancellationToken)
    {
        if (checkpointId is null || string.Equals(checkpointId, head.Checkpoint.Id, StringComparison.Ordinal))
        {
            return head;
        }

        return await _saver.GetTupleAsync(head.Config with { CheckpointId = checkpointId }, cancellationToken).ConfigureAwait(false)
            ?? throw new ArgumentException($"Checkpoint '{checkpointId}' does not exist in thread '{head.Config.ThreadId}'; list the thread with GetStateHistoryAsync.", nameof(checkpointId));
    }
}
