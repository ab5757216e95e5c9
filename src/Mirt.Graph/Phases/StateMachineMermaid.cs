using System.Globalization;
using System.Text;

namespace Mirt.Graph.Phases;

/// <summary>Writes a <see cref="StateMachineInfo{TState, TTrigger}"/> as a Mermaid <c>stateDiagram-v2</c>.</summary>
internal static class StateMachineMermaid
{
    private const string Indent = "    ";

    /// <summary>Writes the diagram; see <see cref="StateMachine{TState, TTrigger}.ToMermaid"/> for the layout.</summary>
    /// <typeparam name="TState">The type of the machine's states.</typeparam>
    /// <typeparam name="TTrigger">The type of the machine's triggers.</typeparam>
    /// <param name="info">The configuration to draw.</param>
    /// <returns>The Mermaid text, LF line endings, ending with a newline.</returns>
    public static string Write<TState, TTrigger>(StateMachineInfo<TState, TTrigger> info)
        where TState : notnull
        where TTrigger : notnull
    {
        var byState = info.States.ToDictionary(s => s.State);
        var topLevel = new List<string>();
        var nested = new Dictionary<TState, List<string>>();
        foreach (var state in info.States)
        {
            foreach (var transition in state.Transitions)
            {
                var line = $"{Id(state.State)} --> {Id(transition.Destination)} : {Label(transition)}";
                var destinationAncestors = byState.TryGetValue(transition.Destination, out var destination) ? destination.Superstates : [];
                var owner = state.Superstates.Where(destinationAncestors.Contains).Take(1).ToList();
                if (owner.Count == 0)
                {
                    topLevel.Add(line);
                }
                else if (nested.TryGetValue(owner[0], out var lines))
                {
                    lines.Add(line);
                }
                else
                {
                    nested.Add(owner[0], [line]);
                }
            }
        }

        var text = new StringBuilder();
        text.Append("stateDiagram-v2\n");
        text.Append(Indent).Append("[*] --> ").Append(Id(info.InitialState)).Append('\n');
        var roots = info.States.Where(s => s.Superstates.Count == 0).Select(s => s.State);
        WriteBlock(text, byState, nested, roots, topLevel, 1);
        return text.ToString();
    }

    private static void WriteBlock<TState, TTrigger>(
        StringBuilder text,
        Dictionary<TState, StateInfo<TState, TTrigger>> byState,
        Dictionary<TState, List<string>> nested,
        IEnumerable<TState> children,
        IReadOnlyList<string> transitions,
        int depth)
        where TState : notnull
        where TTrigger : notnull
    {
        var indent = string.Concat(Enumerable.Repeat(Indent, depth));
        foreach (var child in children)
        {
            var id = Id(child);
            var name = Name(child);
            var info = byState[child];
            if (!string.Equals(id, name, StringComparison.Ordinal))
            {
                text.Append(indent).Append("state \"").Append(name.Replace('"', '\'')).Append("\" as ").Append(id).Append('\n');
            }
            else if (info.Substates.Count == 0)
            {
                text.Append(indent).Append(id).Append('\n');
            }

            if (info.Substates.Count > 0)
            {
                text.Append(indent).Append("state ").Append(id).Append(" {\n");
                WriteBlock(text, byState, nested, info.Substates, nested.GetValueOrDefault(child) ?? [], depth + 1);
                text.Append(indent).Append("}\n");
            }
        }

        foreach (var line in transitions)
        {
            text.Append(indent).Append(line).Append('\n');
        }
    }

    private static string Label<TState, TTrigger>(TransitionInfo<TState, TTrigger> transition)
        where TState : notnull
        where TTrigger : notnull
    {
        var trigger = OneLine(Convert.ToString(transition.Trigger, CultureInfo.InvariantCulture) ?? string.Empty);
        return transition.GuardDescription is null ? trigger : $"{trigger} [{OneLine(transition.GuardDescription)}]";
    }

    private static string Name<TState>(TState state)
        where TState : notnull =>
        OneLine(Convert.ToString(state, CultureInfo.InvariantCulture) ?? string.Empty);

    private static string Id<TState>(TState state)
        where TState : notnull
    {
        var name = Name(state);
        var id = new StringBuilder(name.Length + 1);
        foreach (var c in name)
        {
            id.Append(char.IsAsciiLetterOrDigit(c) || c == '_' ? c : '_');
        }

        if (id.Length == 0 || char.IsAsciiDigit(id[0]))
        {
            id.Insert(0, '_');
        }

        return id.ToString();
    }

    private static string OneLine(string text) => text.ReplaceLineEndings(" ");
}
