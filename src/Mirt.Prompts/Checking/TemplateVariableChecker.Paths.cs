using Mirt.Prompts.Loading;
using Mirt.Prompts.Models;

namespace Mirt.Prompts.Checking;

/// <summary>Path resolution: <c>name</c>, <c>a.b</c>, <c>this</c>, <c>../name</c>, block parameters and <c>@data</c>.</summary>
internal sealed partial class TemplateVariableChecker
{
    private ModelShape Resolve(TextPosition at, string path)
    {
        if (path.StartsWith('@'))
        {
            return ResolveData(at, path);
        }

        var rest = path;
        var depth = 0;
        while (rest.StartsWith("../", StringComparison.Ordinal) || rest == "..")
        {
            depth++;
            rest = rest.Length > 2 ? rest[3..] : string.Empty;
        }

        var explicitThis = rest is "this" or "." || rest.StartsWith("this.", StringComparison.Ordinal)
            || rest.StartsWith("this/", StringComparison.Ordinal) || rest.StartsWith("./", StringComparison.Ordinal);
        if (explicitThis)
        {
            rest = rest is "this" or "." ? string.Empty : rest[(rest[0] == '.' ? 2 : 5)..];
        }

        var segments = SplitSegments(rest);
        if (depth == 0 && !explicitThis && segments.Count > 0 && TryFindLocal(segments[0], out var local))
        {
            return Walk(at, path, local, segments, 1);
        }

        if (depth >= _frames.Count)
        {
            if (_root.Kind != ModelShapeKind.Any)
            {
                ReportVariable(at, $"'{path}' climbs {depth} level(s) up but only {_frames.Count - 1} enclosing context(s) exist here; remove a '../'");
            }

            return ModelShape.Any;
        }

        return Walk(at, path, _frames[_frames.Count - 1 - depth].Context, segments, 0);
    }

    private ModelShape ResolveData(TextPosition at, string path)
    {
        var segments = SplitSegments(path[1..]);
        var name = segments.Count > 0 ? segments[0] : string.Empty;
        switch (name)
        {
            case "root":
                return Walk(at, path, _root, segments, 1);
            case "index" or "first" or "last" or "key":
                if (!_frames[^1].IsEach)
                {
                    ReportVariable(at, $"'@{name}' is only set inside '{Tag("#each …")}'; move it into the loop");
                }

                return ModelShapeFactory.For(typeof(string));
            case "partial-block" or "..":
                return ModelShape.Any;
            default:
                ReportVariable(at, $"unknown data variable '{path}'; use @index, @first, @last or @key inside '{Tag("#each …")}', or @root");
                return ModelShape.Any;
        }
    }

    private ModelShape Walk(TextPosition at, string path, ModelShape shape, List<string> segments, int start)
    {
        for (var i = start; i < segments.Count; i++)
        {
            var segment = segments[i];
            switch (shape.Kind)
            {
                case ModelShapeKind.Any:
                    return ModelShape.Any;
                case ModelShapeKind.Map:
                    shape = shape.Element;
                    break;
                case ModelShapeKind.Object when shape.TryGetMember(segment, out var member):
                    shape = member;
                    break;
                case ModelShapeKind.Object:
                    ReportVariable(at, $"unknown variable '{path}' for model {shape.DisplayName} ({shape.DescribeMembers()})");
                    return ModelShape.Any;
                case ModelShapeKind.List when segment == "count":
                    shape = ModelShapeFactory.For(typeof(int));
                    break;
                case ModelShapeKind.List when segment.All(char.IsAsciiDigit):
                    shape = shape.Element;
                    break;
                case ModelShapeKind.List:
                    ReportVariable(at, $"'{path}' reads '{segment}' from a list ({shape.DisplayName}); loop with '{Tag("#each …")}' or use an index such as [0]");
                    return ModelShape.Any;
                default:
                    ReportVariable(at, $"'{path}' reads '{segment}' from a {shape.DisplayName}, which has no members; remove '.{segment}'");
                    return ModelShape.Any;
            }
        }

        return shape;
    }

    private bool TryFindLocal(string name, out ModelShape shape)
    {
        for (var i = _frames.Count - 1; i >= 0; i--)
        {
            if (_frames[i].Locals is { } locals && locals.TryGetValue(name, out var found))
            {
                shape = found;
                return true;
            }
        }

        shape = ModelShape.Any;
        return false;
    }

    private static List<string> SplitSegments(string path)
    {
        var segments = new List<string>();
        var start = 0;
        for (var i = 0; i <= path.Length; i++)
        {
            if (i < path.Length && path[i] == '[')
            {
                var close = path.IndexOf(']', i);
                i = close < 0 ? path.Length - 1 : close;
            }
            else if (i == path.Length || path[i] is '.' or '/')
            {
                if (i > start)
                {
                    segments.Add(path[start..i].Trim('[', ']'));
                }

                start = i + 1;
            }
        }

        return segments;
    }
}
