using Mirt.Prompts.Loading;
using Mirt.Prompts.Models;

namespace Mirt.Prompts.Checking;

/// <summary>The context stack: what <c>#each</c> and <c>#with</c> push, and the names block parameters bind.</summary>
internal sealed partial class TemplateVariableChecker
{
    private ModelShape ElementOf(TextPosition at, ParsedExpression expression, ModelShape target)
    {
        if (target.Kind is ModelShapeKind.List or ModelShapeKind.Map)
        {
            return target.Element;
        }

        if (target.Kind == ModelShapeKind.Leaf)
        {
            var path = expression.Parts[1].Text;
            ReportVariable(at, $"'#each {path}' needs a list, but '{path}' is a {target.DisplayName}; loop over a list property instead");
        }

        return ModelShape.Any;
    }

    private static Dictionary<string, ModelShape>? BlockLocals(ParsedExpression expression, ModelShape first, ModelShape second)
    {
        if (expression.BlockParameters.Count == 0)
        {
            return null;
        }

        var locals = new Dictionary<string, ModelShape>(StringComparer.Ordinal) { [expression.BlockParameters[0]] = first };
        if (expression.BlockParameters.Count > 1)
        {
            locals[expression.BlockParameters[1]] = second;
        }

        return locals;
    }

    private void PushFrame(OpenBlock block, ScopeFrame frame)
    {
        _frames.Add(frame);
        block.PushedFrame = true;
    }

    private void PopFrame(OpenBlock block)
    {
        if (block.PushedFrame)
        {
            _frames.RemoveAt(_frames.Count - 1);
            block.PushedFrame = false;
        }
    }
}
