namespace Mirt.Nodes.Compose.Validation;

/// <summary>
/// Describes one reason a model answer was rejected.
/// </summary>
/// <param name="Rule">The rule that failed, one of <see cref="ReplyRules"/>; safe to log.</param>
/// <param name="Message">A full sentence naming what is wrong and what to do instead; it may quote the answer, so
/// it is logged at Trace only and sent back to the model in the repair request.</param>
public sealed record ReplyError(string Rule, string Message)
{
    /// <summary>Returns the message.</summary>
    /// <returns>The sentence.</returns>
    public override string ToString() => Message;
}
