using System.Text.Json;

namespace Mirt.Ops.Tests;

/// <summary><c>ops/grafana/mirt.json</c> parsed: its panels (rows' nested panels included) and template variables.</summary>
internal sealed class GrafanaDashboard
{
    private GrafanaDashboard(JsonElement root, IReadOnlyList<JsonElement> panels)
    {
        Root = root;
        Panels = panels;
    }

    public JsonElement Root { get; }

    /// <summary>Gets every panel that is not a row.</summary>
    public IReadOnlyList<JsonElement> Panels { get; }

    public IEnumerable<(string Panel, string Expr)> Queries =>
        Panels.SelectMany(p => p.GetProperty("targets").EnumerateArray()
            .Select(t => (p.GetProperty("title").GetString()!, t.GetProperty("expr").GetString()!)));

    public IEnumerable<JsonElement> Variables => Root.GetProperty("templating").GetProperty("list").EnumerateArray();

    public static GrafanaDashboard Load(string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        var root = document.RootElement.Clone();
        var panels = new List<JsonElement>();
        foreach (var panel in root.GetProperty("panels").EnumerateArray())
        {
            if (panel.GetProperty("type").GetString() == "row")
            {
                panels.AddRange(panel.TryGetProperty("panels", out var nested) ? nested.EnumerateArray() : []);
            }
            else
            {
                panels.Add(panel);
            }
        }

        return new GrafanaDashboard(root, panels);
    }
}
