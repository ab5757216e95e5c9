using System.Text;

namespace Mirt.Graph.Building;

/// <content>Exports the graph as a Mermaid flowchart.</content>
public sealed partial class ConversationGraph
{
    /// <summary>
    /// Writes the graph as a Mermaid <c>flowchart TD</c>: fixed edges as solid arrows, router targets as dotted arrows,
    /// in node order, so the output is stable and can be snapshot-tested and pasted into docs.
    /// </summary>
    /// <returns>The Mermaid text, LF line endings, ending with a newline.</returns>
    public string ToMermaid()
    {
        var text = new StringBuilder();
        text.Append("flowchart TD\n");
        text.Append("    __start__([start])\n");
        text.Append("    __end__([wait for customer])\n");
        foreach (var name in NodeNames)
        {
            text.Append($"    {name}[{name}]\n");
        }

        text.Append($"    __start__ --> {Entry}\n");
        foreach (var edge in Edges)
        {
            var arrow = edge.IsConditional ? "-.->" : "-->";
            foreach (var target in edge.Targets)
            {
                text.Append($"    {edge.From} {arrow} {target}\n");
            }
        }

        return text.ToString();
    }
}
