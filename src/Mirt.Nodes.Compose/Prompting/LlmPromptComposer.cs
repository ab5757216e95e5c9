using Microsoft.Extensions.AI;
using Mirt.Nodes.Abstractions.Replies;
using Mirt.Nodes.Abstractions.State;
using Mirt.Nodes.Compose.Prompting.Models;
using Mirt.Nodes.Compose.Validation;

namespace Mirt.Nodes.Compose.Prompting;

/// <summary>
/// Builds the chat messages of the structured-reply call from templates only (no prompt text lives in C#): one
/// system message with the instructions, the shop's facts, the output contract, the state's guidance and the turn's
/// state summary with the rule draft; then the trimmed transcript as user and assistant messages; the customer's
/// message last.
/// </summary>
/// <remarks>Thread-safe. Works from a <see cref="ComposeInput"/> alone, so prompt tools can render a sample without
/// running the graph.</remarks>
public sealed class LlmPromptComposer
{
    private const string PartSeparator = "\n\n";
    private readonly IReplyRenderer _renderer;
    private readonly LlmReplyOptions _options;
    private readonly TranscriptWindow _window;

    /// <summary>Creates a composer.</summary>
    /// <param name="renderer">Renders the <c>llm/</c> templates (the same prompt set as the replies).</param>
    /// <param name="options">The transcript window and reply limits; <see langword="null"/> for the defaults.</param>
    /// <exception cref="ArgumentNullException"><paramref name="renderer"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range (see <see cref="LlmReplyOptions.Validate"/>).</exception>
    public LlmPromptComposer(IReplyRenderer renderer, LlmReplyOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(renderer);
        _renderer = renderer;
        _options = options ?? new LlmReplyOptions();
        _options.Validate();
        _window = new TranscriptWindow(_options.TranscriptMessages, _options.TranscriptBytes);
    }

    /// <summary>Composes the prompt of one turn.</summary>
    /// <param name="input">The turn's facts, draft, transcript and message.</param>
    /// <returns>The messages, the templates rendered and the instruction text.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="input"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The turn's state is not a conversation state.</exception>
    public ComposedPrompt Compose(ComposeInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var model = PromptModelBuilder.Build(input, _options);
        var state = LlmTemplates.ForState(input.Turn.State);
        var system = _renderer.Render(LlmTemplates.System, model);
        var facts = _renderer.Render(LlmTemplates.Facts, model);
        var contract = _renderer.Render(LlmTemplates.Contract, model);
        var guidance = _renderer.Render(state, model);
        var turn = _renderer.Render(LlmTemplates.Turn, model);
        List<string> templates = [LlmTemplates.System.Name, LlmTemplates.Facts.Name, LlmTemplates.Contract.Name, state.Name, LlmTemplates.Turn.Name];

        var messages = new List<ChatMessage> { new(ChatRole.System, string.Join(PartSeparator, system, facts, contract, guidance, turn)) };
        string? photo = null;
        string Photo()
        {
            if (photo is null)
            {
                photo = _renderer.Render(LlmTemplates.PhotoMessage, NoModel.Instance);
                templates.Add(LlmTemplates.PhotoMessage.Name);
            }

            return photo;
        }

        messages.AddRange(Transcript(_window.Apply(input.Transcript), Photo));
        var said = CustomerText(input.Message.Text);
        messages.Add(new ChatMessage(ChatRole.User, said.Length > 0 ? said : Photo()));
        return new ComposedPrompt(messages, templates, string.Join(PartSeparator, system, contract, guidance));
    }

    /// <summary>Composes the repair request: the original prompt, the rejected answer, and the validation errors.</summary>
    /// <param name="prompt">The prompt the rejected answer came from (as <see cref="Compose"/> returned it).</param>
    /// <param name="answer">The rejected answer, as the model sent it.</param>
    /// <param name="errors">Why it was rejected.</param>
    /// <returns>The prompt to send again; its templates end with <c>llm/repair</c>.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public ComposedPrompt Repair(ComposedPrompt prompt, string answer, IReadOnlyList<ReplyError> errors)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        ArgumentNullException.ThrowIfNull(answer);
        ArgumentNullException.ThrowIfNull(errors);
        var request = _renderer.Render(LlmTemplates.Repair, new RepairModel([.. errors.Select(e => e.Message)]));
        return prompt with
        {
            Messages = [.. prompt.Messages, new ChatMessage(ChatRole.Assistant, answer), new ChatMessage(ChatRole.User, request)],
            Templates = [.. prompt.Templates, LlmTemplates.Repair.Name],
        };
    }

    // Consecutive lines of one role become one message, so every chat template sees user and assistant alternate.
    private static IEnumerable<ChatMessage> Transcript(IReadOnlyList<TranscriptEntry> lines, Func<string> photo)
    {
        ChatRole? role = null;
        var parts = new List<string>();
        foreach (var line in lines)
        {
            var lineRole = line.Role == TranscriptEntry.CustomerRole ? ChatRole.User : ChatRole.Assistant;
            var text = lineRole == ChatRole.User ? CustomerText(line.Text) : line.Text.Trim();
            if (text.Length == 0)
            {
                text = lineRole == ChatRole.User ? photo() : string.Empty;
            }

            if (role is { } current && current != lineRole && parts.Count > 0)
            {
                yield return new ChatMessage(current, string.Join(PartSeparator, parts));
                parts.Clear();
            }

            role = lineRole;
            if (text.Length > 0)
            {
                parts.Add(text);
            }
        }

        if (role is { } last && parts.Count > 0)
        {
            yield return new ChatMessage(last, string.Join(PartSeparator, parts));
        }
    }

    // A customer's photo is stored as its URL on its own line; the model of this path gets no media URLs.
    private static string CustomerText(string text) =>
        string.Join('\n', text.Split('\n').Where(l => !l.TrimStart().StartsWith("http://", StringComparison.OrdinalIgnoreCase) && !l.TrimStart().StartsWith("https://", StringComparison.OrdinalIgnoreCase))).Trim();
}
