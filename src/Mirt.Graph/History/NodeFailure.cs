using Mirt.Graph.Execution;

namespace Mirt.Graph.History;

/// <summary>
/// Describes a node that failed at a checkpoint, as recorded in its <see cref="Checkpoints.WriteChannels.Error"/> pending write.
/// </summary>
/// <param name="Node">Names the node that failed.</param>
/// <param name="ExceptionType">Names the CLR type of the last exception (full name).</param>
/// <param name="Message">Holds the last exception's message.</param>
/// <param name="Attempts">Counts how many times the node was tried (1 without a retry policy).</param>
public sealed record NodeFailure(NodeName Node, string ExceptionType, string Message, int Attempts);
