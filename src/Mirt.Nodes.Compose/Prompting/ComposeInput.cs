using Mirt.Nodes.Abstractions.Flow;
using Mirt.Nodes.Abstractions.State;

namespace Mirt.Nodes.Compose.Prompting;

/// <summary>
/// Carries everything <see cref="LlmPromptComposer"/> needs for one prompt; build it from a running turn (the compose
/// node does) or from a sample (<see cref="ComposeSample"/>) without running the graph.
/// </summary>
/// <param name="Shop">The catalog and shop profile the prompt states as facts.</param>
/// <param name="Turn">Where the rule flow left the turn, with its draft.</param>
/// <param name="Transcript">The conversation so far, oldest first, without this turn's message; the composer trims it.</param>
/// <param name="Message">This turn's customer message.</param>
public sealed record ComposeInput(ShopData Shop, TurnSummary Turn, IReadOnlyList<TranscriptEntry> Transcript, CustomerMessage Message);
