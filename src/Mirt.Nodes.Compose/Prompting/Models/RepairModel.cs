namespace Mirt.Nodes.Compose.Prompting.Models;

/// <summary>
/// Serves as the model of the repair request: why the previous answer was rejected.
/// </summary>
/// <param name="Errors">The validation errors, one sentence each.</param>
public sealed record RepairModel(IReadOnlyList<string> Errors);
