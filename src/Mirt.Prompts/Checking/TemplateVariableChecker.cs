using Mirt.Prompts.Loading;
using Mirt.Prompts.Models;

namespace Mirt.Prompts.Checking;

/// <summary>
/// Walks the tags of one template and reports, with line numbers, every name its model does not have, every block
/// that is not closed properly, every unknown helper or partial. Partials are checked again in the context of each
/// template that includes them, so their variables are validated against the including model.
/// </summary>
internal sealed partial class TemplateVariableChecker
{
    private const int MaxPartialDepth = 16;
    private readonly PromptSource _source;
    private readonly IReadOnlyDictionary<string, PromptSource> _partials;
    private readonly ProblemCollector _problems;
    private readonly ModelShape _root;
    private readonly List<ScopeFrame> _frames;
    private readonly Stack<OpenBlock> _blocks = new();
    private readonly HashSet<string> _inlinePartials = new(StringComparer.Ordinal);
    private readonly string? _includedFrom;
    private readonly IReadOnlyList<string> _chain;

    private TemplateVariableChecker(
        PromptSource source,
        IReadOnlyDictionary<string, PromptSource> partials,
        ProblemCollector problems,
        ModelShape root,
        List<ScopeFrame> frames,
        string? includedFrom,
        IReadOnlyList<string> chain)
    {
        _source = source;
        _partials = partials;
        _problems = problems;
        _root = root;
        _frames = frames;
        _includedFrom = includedFrom;
        _chain = chain;
    }

    /// <summary>Gets whether this walk reports problems that do not depend on the model (syntax, helpers, partials).</summary>
    private bool IsTopLevel => _includedFrom is null;

    /// <summary>
    /// Checks <paramref name="source"/> against <paramref name="modelType"/>; with no model type only syntax, helpers
    /// and partial names are checked.
    /// </summary>
    /// <param name="source">The template to check.</param>
    /// <param name="modelType">The model the template is rendered with, or null when nobody renders it directly.</param>
    /// <param name="partials">The partials by name, as registered from <c>shared/</c>.</param>
    /// <param name="problems">Receives the problems found.</param>
    public static void Check(
        PromptSource source,
        Type? modelType,
        IReadOnlyDictionary<string, PromptSource> partials,
        ProblemCollector problems)
    {
        var root = modelType is null ? ModelShape.Any : ModelShapeFactory.For(modelType);

        // Without a model the file may be a partial included inside #each, so @index and friends are allowed.
        List<ScopeFrame> frames = [new ScopeFrame(root, IsEach: modelType is null)];
        string[] chain = source.PartialName is { } own ? [own] : [];
        new TemplateVariableChecker(source, partials, problems, root, frames, includedFrom: null, chain).Run();
    }

    private static string Tag(string inner) => string.Concat("{{", inner, "}}");

    private void Run()
    {
        var tokens = MustacheTokenizer.Tokenize(_source.Text, out var errors);
        foreach (var (at, message) in errors)
        {
            ReportSyntax(at, message);
        }

        foreach (var token in tokens)
        {
            Visit(token);
        }

        foreach (var block in _blocks.Where(block => !block.Reported).Reverse())
        {
            ReportSyntax(block.At, $"'{Tag("#" + block.Name)}' is never closed; add '{Tag("/" + block.Name)}' where the block ends");
        }
    }

    private void Visit(MustacheToken token)
    {
        switch (token.Kind)
        {
            case MustacheKind.Comment or MustacheKind.Decorator:
                return;
            case MustacheKind.Close:
                VisitClose(token);
                return;
        }

        ParsedExpression expression;
        try
        {
            expression = ExpressionParser.Parse(token.Body);
        }
        catch (FormatException exception)
        {
            ReportSyntax(token.At, $"cannot read '{Tag(token.Body)}': {exception.Message}");
            if (token.Kind is MustacheKind.BlockOpen or MustacheKind.InverseOpen or MustacheKind.PartialBlockOpen or MustacheKind.DecoratorBlockOpen)
            {
                _blocks.Push(new OpenBlock(token.Body.Split(' ')[0], token.At));
            }

            return;
        }

        switch (token.Kind)
        {
            case MustacheKind.Variable:
                VisitVariable(token.At, expression);
                break;
            case MustacheKind.BlockOpen:
                VisitBlockOpen(token, expression);
                break;
            case MustacheKind.InverseOpen:
                VisitInverseOpen(token, expression);
                break;
            case MustacheKind.Else:
                VisitElse(token, expression);
                break;
            case MustacheKind.Partial or MustacheKind.PartialBlockOpen:
                VisitPartial(token, expression, isBlock: token.Kind == MustacheKind.PartialBlockOpen);
                break;
            case MustacheKind.DecoratorBlockOpen:
                VisitDecoratorBlock(token, expression);
                break;
        }
    }
}
