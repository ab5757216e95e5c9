using System.Text;
using Microsoft.Extensions.AI;
using Mirt.Llm.OpenAI.Responses;
using OpenAI.Chat;
using ChatFinishReason = Microsoft.Extensions.AI.ChatFinishReason;

namespace Mirt.Llm.OpenAI.Streaming;

/// <summary>Maps the chunks of one streamed completion to <see cref="ChatResponseUpdate"/>s, keeping what spans chunks.</summary>
/// <remarks>
/// Each chunk becomes one update with its text and, when the server sends it (OpenAI: in the last chunk), the usage
/// as <see cref="UsageContent"/>. Role, finish reason and model are carried forward once seen. Tool calls and a
/// refusal arrive in fragments and are emitted whole in one last update by <see cref="Complete"/>. One instance per
/// stream; not thread-safe.
/// </remarks>
internal sealed class StreamingUpdateMapper
{
    private readonly FunctionCallAccumulator _calls = new();
    private StringBuilder? _refusal;
    private ChatRole? _role;
    private ChatFinishReason? _finishReason;
    private string? _responseId;
    private DateTimeOffset? _createdAt;
    private string? _modelId;

    /// <summary>Maps one chunk.</summary>
    /// <param name="chunk">The chunk; kept as <see cref="ChatResponseUpdate.RawRepresentation"/>.</param>
    /// <returns>The update to yield.</returns>
    public ChatResponseUpdate Add(StreamingChatCompletionUpdate chunk)
    {
        _role ??= chunk.Role is { } role ? RoleMapper.FromOpenAI(role) : null;
        _finishReason ??= FinishReasonMapper.FromOpenAI(chunk.FinishReason);
        _responseId ??= chunk.CompletionId;
        _createdAt ??= chunk.CreatedAt;
        _modelId ??= chunk.Model;

        var update = new ChatResponseUpdate
        {
            ResponseId = chunk.CompletionId,
            // Chat completions have no per-message id; the completion id identifies the one message.
            MessageId = chunk.CompletionId,
            CreatedAt = chunk.CreatedAt,
            Role = _role,
            FinishReason = _finishReason,
            ModelId = _modelId,
            RawRepresentation = chunk,
        };

        foreach (var part in chunk.ContentUpdate)
        {
            if (ContentMapper.ToContent(part) is { } content)
            {
                update.Contents.Add(content);
            }
        }

        if (chunk.RefusalUpdate is { } refusal)
        {
            _ = (_refusal ??= new StringBuilder()).Append(refusal);
        }

        foreach (var fragment in chunk.ToolCallUpdates)
        {
            _calls.Add(fragment);
        }

        if (chunk.Usage is { } usage)
        {
            update.Contents.Add(new UsageContent(UsageMapper.FromOpenAI(usage)) { RawRepresentation = usage });
        }

        return update;
    }

    /// <summary>Builds the last update with the assembled tool calls and any refusal.</summary>
    /// <returns>The update, or <see langword="null"/> when the stream held neither.</returns>
    public ChatResponseUpdate? Complete()
    {
        if (!_calls.HasCalls && _refusal is null)
        {
            return null;
        }

        var update = new ChatResponseUpdate
        {
            ResponseId = _responseId,
            MessageId = _responseId,
            CreatedAt = _createdAt,
            Role = _role,
            FinishReason = _finishReason,
            ModelId = _modelId,
        };

        foreach (var call in _calls.Complete())
        {
            update.Contents.Add(call);
        }

        if (_refusal is not null)
        {
            update.Contents.Add(new ErrorContent(_refusal.ToString()) { ErrorCode = ChatCompletionMapper.RefusalCode });
        }

        return update;
    }
}
