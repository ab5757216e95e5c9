using Mirt.Prompts.Loading;
using Mirt.Prompts.Models;

namespace Mirt.Prompts.Checking;

/// <summary>
/// Partials: <c>{{&gt; name}}</c>, <c>{{&gt; name context key=value}}</c>, <c>{{#&gt; name}}…{{/name}}</c> and
/// inline partials declared with <c>{{#*inline "name"}}</c>.
/// </summary>
internal sealed partial class TemplateVariableChecker
{
    private void VisitPartial(MustacheToken token, ParsedExpression expression, bool isBlock)
    {
        var at = token.At;
        if (expression.Head is not { } head)
        {
            ReportSyntax(at, $"'{Tag(">")}' names no partial; write '{Tag("> persona_sign")}'");
            return;
        }

        if (isBlock)
        {
            _blocks.Push(new OpenBlock(head.Text, at));
        }

        if (expression.ArgumentCount > 1)
        {
            ReportRule(at, $"partial '{head.Text}' takes at most one context argument but got {expression.ArgumentCount}; pass the rest as key=value");
        }

        var context = expression.ArgumentCount > 0 ? CheckValue(at, expression.Parts[1]) : null;
        var locals = new Dictionary<string, ModelShape>(StringComparer.Ordinal);
        foreach (var pair in expression.Hash)
        {
            locals[pair.Key] = CheckValue(at, pair.Value);
        }

        if (head.Kind == ExpressionPartKind.SubExpression)
        {
            CheckValue(at, head);
            return;
        }

        var name = head.Text;
        if (name.StartsWith('@') || _inlinePartials.Contains(name))
        {
            return;
        }

        if (!_partials.TryGetValue(name, out var partial))
        {
            var known = _partials.Count == 0 ? "there are no partials yet" : "known: " + string.Join(", ", _partials.Keys.Order(StringComparer.Ordinal));
            ReportRule(at, $"unknown partial '{name}'; add shared/{name}.hbs or fix the name ({known})");
            return;
        }

        if (_chain.Contains(name, StringComparer.Ordinal))
        {
            _problems.Add(_source.RelativePath, at, $"partial '{name}' includes itself ({string.Join(" > ", _chain.Append(name))}); break the cycle");
            return;
        }

        if (_chain.Count < MaxPartialDepth)
        {
            CheckPartial(partial, name, at, context, locals);
        }
    }

    private void CheckPartial(
        PromptSource partial,
        string name,
        TextPosition at,
        ModelShape? context,
        Dictionary<string, ModelShape> locals)
    {
        // Block parameters are lexical: a partial sees the contexts and hash arguments, not the caller's |names|.
        var frames = _frames.Select(frame => frame with { Locals = null }).ToList();
        if (context is not null)
        {
            frames.Add(new ScopeFrame(context, frames[^1].IsEach));
        }

        if (locals.Count > 0)
        {
            frames[^1] = frames[^1] with { Locals = locals };
        }

        var includedFrom = _includedFrom ?? $"{_source.RelativePath}:{at.Line}";
        string[] chain = [.. _chain, name];
        new TemplateVariableChecker(partial, _partials, _problems, _root, frames, includedFrom, chain).Run();
    }

    private void VisitDecoratorBlock(MustacheToken token, ParsedExpression expression)
    {
        _blocks.Push(new OpenBlock(expression.Head?.Text ?? token.Body, token.At));
        if (expression.Head?.Text == "inline" && expression.Parts.Count > 1)
        {
            _inlinePartials.Add(expression.Parts[1].Text);
        }
    }
}
