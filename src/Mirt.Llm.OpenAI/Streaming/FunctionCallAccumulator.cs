using System.Text;
using Microsoft.Extensions.AI;
using Mirt.Llm.OpenAI.Responses;
using OpenAI.Chat;

namespace Mirt.Llm.OpenAI.Streaming;

/// <summary>Collects the fragments of streamed tool calls, by index, until the stream ends.</summary>
/// <remarks>The server sends a call's id and name once and its JSON arguments in pieces; only the whole is parsable.</remarks>
internal sealed class FunctionCallAccumulator
{
    private readonly SortedDictionary<int, Call> _calls = [];

    /// <summary>Gets a value indicating whether any tool call fragment arrived.</summary>
    public bool HasCalls => _calls.Count > 0;

    /// <summary>Adds one fragment.</summary>
    /// <param name="update">The fragment: index, and possibly id, name and a piece of the arguments.</param>
    public void Add(StreamingChatToolCallUpdate update)
    {
        if (!_calls.TryGetValue(update.Index, out var call))
        {
            call = new Call();
            _calls[update.Index] = call;
        }

        call.Id ??= update.ToolCallId;
        call.Name ??= update.FunctionName;
        if (update.FunctionArgumentsUpdate is { } fragment && !fragment.ToMemory().IsEmpty)
        {
            _ = call.Arguments.Append(fragment.ToString());
        }
    }

    /// <summary>Parses every call that has a name, in index order.</summary>
    /// <returns>The assembled calls.</returns>
    public IEnumerable<FunctionCallContent> Complete()
    {
        foreach (var call in _calls.Values)
        {
            if (!string.IsNullOrWhiteSpace(call.Name))
            {
                yield return FunctionCallParser.Parse(call.Arguments.ToString(), call.Id ?? string.Empty, call.Name);
            }
        }
    }

    private sealed class Call
    {
        public string? Id { get; set; }

        public string? Name { get; set; }

        public StringBuilder Arguments { get; } = new();
    }
}
