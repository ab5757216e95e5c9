using Mirt.Prompts.Helpers;
using Mirt.Prompts.Models;

namespace Mirt.Prompts.Checking;

/// <summary>Variable tags and helper calls: <c>{{x}}</c>, <c>{{money x}}</c>, <c>(join list ", ")</c>.</summary>
internal sealed partial class TemplateVariableChecker
{
    private void VisitVariable(int line, ParsedExpression expression)
    {
        if (expression.Head is not { } head)
        {
            ReportSyntax(line, $"'{Tag(string.Empty)}' is empty; write a variable name or remove it");
            return;
        }

        if (expression.Parts.Count == 1 && expression.Hash.Count == 0 && head.Kind == ExpressionPartKind.Path
            && HelperCatalog.Find(head.Text) is null)
        {
            CheckPrintable(line, head.Text, Resolve(line, head.Text));
            return;
        }

        CheckCall(line, expression);
    }

    private ModelShape CheckCall(int line, ParsedExpression expression)
    {
        if (expression.Head is not { Kind: ExpressionPartKind.Path } head)
        {
            if (expression.Head is { } literalOrCall)
            {
                CheckValue(line, literalOrCall);
            }

            CheckArguments(line, expression);
            return ModelShape.Any;
        }

        var helper = HelperCatalog.Find(head.Text);
        if (helper is null)
        {
            if (expression.Parts.Count == 1 && expression.Hash.Count == 0)
            {
                return Resolve(line, head.Text);
            }

            ReportRule(line, $"unknown helper '{head.Text}' (known: {HelperCatalog.Describe(blocks: false)}); check the spelling");
        }
        else if (helper.IsBlock)
        {
            ReportRule(line, $"'{head.Text}' is a block helper; write '{Tag("#" + head.Text + " …")}…{Tag("/" + head.Text)}'");
        }
        else
        {
            CheckArity(line, helper, expression);
        }

        CheckArguments(line, expression);
        return ModelShape.Any;
    }

    private void CheckArity(int line, HelperSignature helper, ParsedExpression expression)
    {
        var count = expression.ArgumentCount;
        if (count < helper.MinArguments || count > helper.MaxArguments)
        {
            ReportSyntax(line, $"helper '{helper.Name}' takes {helper.DescribeArity()} but got {count}; fix the call");
        }
    }

    /// <summary>Checks every argument and hash value; returns the shape of the first argument.</summary>
    private ModelShape CheckArguments(int line, ParsedExpression expression)
    {
        var first = ModelShape.Any;
        var index = 0;
        foreach (var argument in expression.Arguments)
        {
            var shape = CheckValue(line, argument);
            if (index++ == 0)
            {
                first = shape;
            }
        }

        foreach (var pair in expression.Hash)
        {
            CheckValue(line, pair.Value);
        }

        return first;
    }

    private ModelShape CheckValue(int line, ExpressionPart part) => part.Kind switch
    {
        ExpressionPartKind.Path => Resolve(line, part.Text),
        ExpressionPartKind.SubExpression => CheckCall(line, part.Inner!),
        _ => ModelShape.Any,
    };

    private void CheckPrintable(int line, string path, ModelShape shape)
    {
        if (shape.Kind == ModelShapeKind.Object)
        {
            ReportVariable(line, $"'{path}' is a {shape.DisplayName} object, not text; print one of its members ({shape.DescribeMembers()})");
        }
        else if (shape.Kind == ModelShapeKind.List)
        {
            ReportVariable(
                line,
                $"'{path}' is a list ({shape.DisplayName}), not text; loop with '{Tag("#each " + path)}' or print it with '{Tag("join " + path + " \", \"")}'");
        }
    }
}
