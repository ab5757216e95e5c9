using Mirt.Prompts.Helpers;
using Mirt.Prompts.Models;

namespace Mirt.Prompts.Checking;

/// <summary>Block structure: opening, <c>{{else}}</c>, closing, and the contexts <c>#each</c> and <c>#with</c> push.</summary>
internal sealed partial class TemplateVariableChecker
{
    private void VisitBlockOpen(MustacheToken token, ParsedExpression expression)
    {
        if (expression.Head is not { Kind: ExpressionPartKind.Path } head)
        {
            ReportSyntax(token.Line, $"'{Tag("#" + token.Body)}' names no block helper; write e.g. '{Tag("#if ready")}'");
            _blocks.Push(new OpenBlock(token.Body, token.Line));
            return;
        }

        var block = new OpenBlock(head.Text, token.Line);
        _blocks.Push(block);
        EnterBranch(block, token.Line, expression);
    }

    private void VisitInverseOpen(MustacheToken token, ParsedExpression expression)
    {
        var name = expression.Head?.Text ?? token.Body;
        _blocks.Push(new OpenBlock(name, token.Line));
        if (expression.Head is { Kind: ExpressionPartKind.Path } head && expression.Parts.Count == 1)
        {
            Resolve(token.Line, head.Text);
            return;
        }

        CheckCall(token.Line, expression);
    }

    private void VisitElse(MustacheToken token, ParsedExpression expression)
    {
        if (!_blocks.TryPeek(out var block))
        {
            ReportSyntax(token.Line, $"'{Tag("else")}' is outside any block; move it inside '{Tag("#if …")}' or '{Tag("#each …")}'");
            return;
        }

        PopFrame(block);
        if (expression.Head is { Kind: ExpressionPartKind.Path })
        {
            EnterBranch(block, token.Line, expression);
        }
    }

    private void VisitClose(MustacheToken token)
    {
        var name = token.Body;
        if (!_blocks.TryPeek(out var block))
        {
            ReportSyntax(token.Line, $"'{Tag("/" + name)}' closes nothing; remove it or open the block with '{Tag("#" + name + " …")}'");
            return;
        }

        if (string.Equals(block.Name, name, StringComparison.Ordinal))
        {
            PopFrame(_blocks.Pop());
            return;
        }

        ReportSyntax(
            token.Line,
            $"'{Tag("/" + name)}' does not match '{Tag("#" + block.Name)}' opened on line {block.Line}; close '{block.Name}' first");
        if (_blocks.Any(open => string.Equals(open.Name, name, StringComparison.Ordinal)))
        {
            OpenBlock popped;
            do
            {
                popped = _blocks.Pop();
                PopFrame(popped);
            }
            while (!string.Equals(popped.Name, name, StringComparison.Ordinal));
        }
    }

    private void VisitDecoratorBlock(MustacheToken token, ParsedExpression expression)
    {
        _blocks.Push(new OpenBlock(expression.Head?.Text ?? token.Body, token.Line));
        if (expression.Head?.Text == "inline" && expression.Parts.Count > 1)
        {
            _inlinePartials.Add(expression.Parts[1].Text);
        }
    }

    /// <summary>Checks a block helper call (the opening tag or a chained <c>{{else if …}}</c>) and enters its context.</summary>
    private void EnterBranch(OpenBlock block, int line, ParsedExpression expression)
    {
        var name = expression.Head!.Text;
        var helper = HelperCatalog.Find(name);
        if (helper is not { IsBlock: true })
        {
            ReportRule(line, helper is null
                ? $"unknown block helper '#{name}' (known: {HelperCatalog.Describe(blocks: true)}); to enter a value use '{Tag("#with " + name)}' or '{Tag("#each " + name)}'"
                : $"'{name}' is not a block helper; write '{Tag(name + " …")}' without '#'");
            CheckArguments(line, expression);
            return;
        }

        CheckArity(line, helper, expression);
        var target = CheckArguments(line, expression);
        var isEach = string.Equals(name, HelperCatalog.Each, StringComparison.Ordinal);
        if (isEach)
        {
            var element = ElementOf(line, expression, target);
            PushFrame(block, new ScopeFrame(element, IsEach: true, BlockLocals(expression, element, ModelShapeFactory.For(typeof(int)))));
        }
        else if (string.Equals(name, HelperCatalog.With, StringComparison.Ordinal))
        {
            PushFrame(block, new ScopeFrame(target, _frames[^1].IsEach, BlockLocals(expression, target, target)));
        }
    }

    private ModelShape ElementOf(int line, ParsedExpression expression, ModelShape target)
    {
        if (target.Kind is ModelShapeKind.List or ModelShapeKind.Map)
        {
            return target.Element;
        }

        if (target.Kind == ModelShapeKind.Leaf)
        {
            var path = expression.Parts[1].Text;
            ReportVariable(line, $"'#each {path}' needs a list, but '{path}' is a {target.DisplayName}; loop over a list property instead");
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
