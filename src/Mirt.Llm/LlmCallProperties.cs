using System.Globalization;
using Microsoft.Extensions.AI;

namespace Mirt.Llm;

/// <summary>
/// Names the <see cref="ChatOptions.AdditionalProperties"/> keys through which a caller tells the middleware about a
/// call: the conversation <see cref="State"/> and <see cref="Intent"/> it serves (labels of <c>llm_latency_ms</c>) and
/// an optional per-call <see cref="DeadlineMs"/>. Adapters ignore these keys; set them with
/// <see cref="SetLabels"/> and <see cref="SetDeadline"/>.
/// </summary>
/// <remarks>A call without labels is recorded as <see cref="Unknown"/>. Thread-safe (stateless).</remarks>
public static class LlmCallProperties
{
    /// <summary>Gets the key of the conversation state the call serves, for example <c>STATE_3_SIZE_COLOR</c>.</summary>
    public const string State = "mirt.state";

    /// <summary>Gets the key of the intent the call serves, for example <c>SIZE_HELP</c> (<c>PHOTO_IDENT</c> for
    /// vision calls, which the text latency SLO excludes).</summary>
    public const string Intent = "mirt.intent";

    /// <summary>Gets the key of the call's own deadline in milliseconds (an <see cref="int"/>), overriding
    /// <c>DeadlineOptions.TimeoutMs</c>; vision calls, which may take longer than a text reply, use it.</summary>
    public const string DeadlineMs = "mirt.deadline_ms";

    /// <summary>Gets the label value recorded when a call does not name its state or intent.</summary>
    public const string Unknown = "unknown";

    /// <summary>Sets the state and intent labels on options the caller owns.</summary>
    /// <param name="options">The call's options; changed in place.</param>
    /// <param name="state">The conversation state, for example <c>STATE_3_SIZE_COLOR</c>.</param>
    /// <param name="intent">The intent, for example <c>SIZE_HELP</c>.</param>
    /// <returns><paramref name="options"/>, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="state"/> or <paramref name="intent"/> is empty.</exception>
    public static ChatOptions SetLabels(ChatOptions options, string state, string intent)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(state);
        ArgumentException.ThrowIfNullOrWhiteSpace(intent);
        options.AdditionalProperties ??= [];
        options.AdditionalProperties[State] = state;
        options.AdditionalProperties[Intent] = intent;
        return options;
    }

    /// <summary>Sets the call's own deadline on options the caller owns.</summary>
    /// <param name="options">The call's options; changed in place.</param>
    /// <param name="milliseconds">The deadline in milliseconds (10–600 000).</param>
    /// <returns><paramref name="options"/>, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="milliseconds"/> is out of range.</exception>
    public static ChatOptions SetDeadline(ChatOptions options, int milliseconds)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(milliseconds, Deadline.DeadlineOptions.MinTimeoutMs);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(milliseconds, Deadline.DeadlineOptions.MaxTimeoutMs);
        options.AdditionalProperties ??= [];
        options.AdditionalProperties[DeadlineMs] = milliseconds;
        return options;
    }

    /// <summary>Reads the state label of a call.</summary>
    /// <param name="options">The call's options, or <see langword="null"/>.</param>
    /// <returns>The state, or <see cref="Unknown"/>.</returns>
    public static string StateOf(ChatOptions? options) => Label(options, State);

    /// <summary>Reads the intent label of a call.</summary>
    /// <param name="options">The call's options, or <see langword="null"/>.</param>
    /// <returns>The intent, or <see cref="Unknown"/>.</returns>
    public static string IntentOf(ChatOptions? options) => Label(options, Intent);

    /// <summary>Reads the call's own deadline.</summary>
    /// <param name="options">The call's options, or <see langword="null"/>.</param>
    /// <returns>The deadline in milliseconds, or <see langword="null"/> when the call sets none (or a value that is not
    /// a whole number).</returns>
    public static int? DeadlineOf(ChatOptions? options) =>
        options?.AdditionalProperties?.TryGetValue(DeadlineMs, out var value) == true
            ? value switch
            {
                int ms => ms,
                long ms when ms is >= int.MinValue and <= int.MaxValue => (int)ms,
                string text when int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var ms) => ms,
                _ => null,
            }
            : null;

    private static string Label(ChatOptions? options, string key) =>
        options?.AdditionalProperties?.TryGetValue(key, out var value) == true
        && Convert.ToString(value, CultureInfo.InvariantCulture) is { Length: > 0 } text
        && !string.IsNullOrWhiteSpace(text)
            ? text
            : Unknown;
}
