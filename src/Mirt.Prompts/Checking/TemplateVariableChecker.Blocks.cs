using Mirt.Prompts.Helpers;
using Mirt.Prompts.Loading;
using Mirt.Prompts.Models;

namespace Mirt.Prompts.Checking;

/// <summary>Block structure: opening, <c>{{else}}</c>, closing, and the contexts <c>#each</c> and <c>#with</c> push.</summary>
internal sealed partial class TemplateVariableChecker
{
    private void VisitBlockOpen(MustacheToken token, ParsedExpression expression)
    {
        if (expression.Head is not { Kind: ExpressionPartKind.Path } head)
        {
            ReportSyntax(token.At, $"'{Tag("#" + token.Body)}' names no block helper; write e.g. '{Tag("#if ready")}'");
            _blocks.Push(new OpenBlock(token.Body, token.At));
            return;
        }

        var block = new OpenBlock(head.Text, token.At);
        _blocks.Push(block);
        EnterBranch(block, token.At, expression);
    }

    private void VisitInverseOpen(MustacheToken token, ParsedExpression expression)
    {
        var name = expression.Head?.Text ?? token.Body;
        _blocks.Push(new OpenBlock(name, token.At));
        if (expression.Head is { Kind: ExpressionPartKind.Path } head && expression.Parts.Count == 1)
        {
            Resolve(token.At, head.Text);
            return;
        }

        CheckCall(token.At, expression);
    }

    private void VisitElse(MustacheToken token, ParsedExpression expression)
    {
        if (!_blocks.TryPeek(out var block))
        {
            ReportSyntax(token.At, $"'{Tag("else")}' is outside any block; move it inside '{Tag("#if …")}' or '{Tag("#each …")}'");
            return;
        }

        if (block.PastFinalElse)
        {
            ReportSyntax(token.At, $"'{Tag("#" + block.Name)}' opened on line {block.Line} already has a final '{Tag("else")}'; remove this one");
        }

        PopFrame(block);
        block.PastFinalElse = expression.Head is null;
        if (expression.Head is { Kind: ExpressionPartKind.Path })
        {
            EnterBranch(block, token.At, expression);
        }
    }

    private void VisitClose(MustacheToken token)
    {
        var name = token.Body;
        if (!_blocks.TryPeek(out var block))
        {
            ReportSyntax(token.At, $"'{Tag("/" + name)}' closes nothing; remove it or open the block with '{Tag("#" + name + " …")}'");
            return;
        }

        if (string.Equals(block.Name, name, StringComparison.Ordinal))
        {
            PopFrame(_blocks.Pop());
            return;
        }

        ReportSyntax(
            token.At,
            $"'{Tag("/" + name)}' does not match '{Tag("#" + block.Name)}' opened on line {block.Line}; close '{block.Name}' first");
        block.Reported = true;
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

    /// <summary>Checks a block helper call (the opening tag or a chained <c>{{else if …}}</c>) and enters its context.</summary>
    private void EnterBranch(OpenBlock block, TextPosition at, ParsedExpression expression)
    {
        var name = expression.Head!.Text;
        var helper = HelperCatalog.Find(name);
        if (helper is not { IsBlock: true })
        {
            ReportRule(at, helper is null
                ? $"unknown block helper '#{name}' (known: {HelperCatalog.Describe(blocks: true)}); to enter a value use '{Tag("#with " + name)}' or '{Tag("#each " + name)}'"
                : $"'{name}' is not a block helper; write '{Tag(name + " …")}' without '#'");
            CheckArguments(at, expression);

            // The block's content cannot be checked without knowing its context; do not pile up follow-on problems.
            PushFrame(block, new ScopeFrame(ModelShape.Any, _frames[^1].IsEach));
            return;
        }

        CheckArity(at, helper, expression);
        var target = CheckArguments(at, expression);
        var isEach = string.Equals(name, HelperCatalog.Each, StringComparison.Ordinal);
        if (isEach)
        {
            var element = ElementOf(at, expression, target);
            PushFrame(block, new ScopeFrame(element, IsEach: true, BlockLocals(expression, element, ModelShapeFactory.For(typeof(int)))));
        }
        else if (string.Equals(name, HelperCatalog.With, StringComparison.Ordinal))
        {
            PushFrame(block, new ScopeFrame(target, _frames[^1].IsEach, BlockLocals(expression, target, target)));
        }
    }
}
