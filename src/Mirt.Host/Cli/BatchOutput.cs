using Mirt.Nodes.Abstractions.State;
using Mirt.Sales.Assistant;

namespace Mirt.Host.Cli;

/// <summary>
/// Shapes one output line of <c>chat --jsonl</c> (the batch contract in the README).
/// </summary>
internal sealed record BatchOutput(
    string Thread,
    IReadOnlyList<string> Replies,
    string State,
    string Phase,
    string Intent,
    IReadOnlyList<BatchProduct> Products,
    Escalation? Escalation,
    bool Degraded,
    double LatencyMs)
{
    public static BatchOutput From(AssistantReply reply) => new(
        reply.ThreadId,
        reply.Replies,
        reply.State,
        reply.Phase,
        reply.Intent,
        [.. reply.Products.Select(p => new BatchProduct(p.Sku, p.Name, p.Size, p.Color, p.PriceUah))],
        reply.Escalation,
        reply.Degraded,
        reply.LatencyMs);
}

/// <summary>
/// Shapes one product of a batch output line.
/// </summary>
internal sealed record BatchProduct(string? Sku, string Name, string Size, string? Color, decimal PriceUah);
