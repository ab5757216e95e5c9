using Mirt.Nodes.Compose.Contract;

namespace Mirt.Nodes.Compose.Validation;

/// <summary>
/// Reports the outcome of validating one model answer.
/// </summary>
/// <param name="Reply">The parsed answer, or <see langword="null"/> when it did not parse or match the schema.</param>
/// <param name="Errors">Every problem found, in check order; empty when the answer may be used.</param>
public sealed record ReplyValidation(StructuredReply? Reply, IReadOnlyList<ReplyError> Errors)
{
    /// <summary>Gets a value indicating whether the answer may be used.</summary>
    public bool IsValid => Reply is not null && Errors.Count == 0;
}
