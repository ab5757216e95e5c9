using Mirt.Prompts.Helpers;
using Mirt.Prompts.Loading;
using Mirt.Prompts.Models;

namespace Mirt.Prompts.Checking;

/// <summary>Variable tags and helper calls: <c>{{x}}</c>, <c>{{money x}}</c>, <c>(join list ", ")</c>.</summary>
internal sealed partial class TemplateVariableChecker
{
    private void VisitVariable(TextPosition at, ParsedExpression expression)
    {
        if (expression.Head is not { } head)
        {
            ReportSyntax(at, $"'{Tag(string.Empty)}' is empty; write a variable name or remove it");
            return;
        }

        if (expression.Parts.Count == 1 && expression.Hash.Count == 0 && head.Kind == ExpressionPartKind.Path
            && HelperCatalog.Find(head.Text) is null)
        {
            CheckPrintable(at, head.Text, Resolve(at, head.Text));
            return;
        }

        CheckCall(at, expression);
    }

    private ModelShape CheckCall(TextPosition at, ParsedExpression expression)
    {
        if (expression.Head is not { Kind: ExpressionPartKind.Path } head)
        {
            if (expression.Head is { } literalOrCall)
            {
                CheckValue(at, literalOrCall);
            }

            CheckArguments(at, expression);
            return ModelShape.Any;
        }

        var helper = HelperCatalog.Find(head.Text);
        if (helper is null)
        {
            if (expression.Parts.Count == 1 && expression.Hash.Count == 0)
            {
                return Resolve(at, head.Text);
            }

            ReportRule(at, $"unknown helper '{head.Text}' (known: {HelperCatalog.Describe(blocks: false)}); check the spelling");
        }
        else if (helper.IsBlock)
        {
            ReportRule(at, $"'{head.Text}' is a block helper; write '{Tag("#" + head.Text + " …")}…{Tag("/" + head.Text)}'");
        }
        else
        {
            CheckArity(at, helper, expression);
        }

        CheckArguments(at, expression);
        return ModelShape.Any;
    }

    private void CheckArity(TextPosition at, HelperSignature helper, ParsedExpression expression)
    {
        var count = expression.ArgumentCount;
        if (count < helper.MinArguments || count > helper.MaxArguments)
        {
            ReportSyntax(at, $"helper '{helper.Name}' takes {helper.DescribeArity()} but got {count}; fix the call");
        }
    }

    /// <summary>Checks every argument and hash value; returns the shape of the first argument.</summary>
    private ModelShape CheckArguments(TextPosition at, ParsedExpression expression)
    {
        var first = ModelShape.Any;
        var index = 0;
        foreach (var argument in expression.Arguments)
        {
            var shape = CheckValue(at, argument);
            if (index++ == 0)
            {
                first = shape;
            }
        }

        foreach (var pair in expression.Hash)
        {
            CheckValue(at, pair.Value);
        }

        return first;
    }

    private ModelShape CheckValue(TextPosition at, ExpressionPart part) => part.Kind switch
    {
        ExpressionPartKind.Path => Resolve(at, part.Text),
        ExpressionPartKind.SubExpression => CheckCall(at, part.Inner!),
        _ => ModelShape.Any,
    };

    private void CheckPrintable(TextPosition at, string path, ModelShape shape)
    {
        if (shape.Kind == ModelShapeKind.Object)
        {
            ReportVariable(at, $"'{path}' is a {shape.DisplayName} object, not text; print one of its members ({shape.DescribeMembers()})");
        }
        else if (shape.Kind == ModelShapeKind.List)
        {
            ReportVariable(
                at,
                $"'{path}' is a list ({shape.DisplayName}), not text; loop with '{Tag("#each " + path)}' or print it with '{Tag("join " + path + " \", \"")}'");
        }
    }
}
