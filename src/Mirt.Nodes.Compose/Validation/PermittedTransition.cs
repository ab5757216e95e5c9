namespace Mirt.Nodes.Compose.Validation;

/// <summary>
/// Tells whether the sales state machine lets a conversation move from one state to another in one step. The host
/// passes the machine's check through the node services, because node assemblies never reference the assembly that
/// declares the machine.
/// </summary>
/// <param name="from">The state before the step (wire name).</param>
/// <param name="to">The state after the step (wire name).</param>
/// <returns><see langword="true"/> when the move is permitted.</returns>
public delegate bool PermittedTransition(string from, string to);
