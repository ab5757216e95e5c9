namespace Mirt.Nodes.Compose.Prompting.Models;

/// <summary>
/// Gives prompt templates the limits a reply must keep.
/// </summary>
/// <param name="MaxBubbles">The most bubbles a reply may have.</param>
/// <param name="MaxBubbleBytes">The most UTF-8 bytes of one bubble.</param>
public sealed record LimitsModel(int MaxBubbles, int MaxBubbleBytes);
