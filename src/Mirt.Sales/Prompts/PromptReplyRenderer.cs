using Mirt.Nodes.Abstractions.Replies;
using Mirt.Prompts;
using Mirt.Sales.Graph;

namespace Mirt.Sales.Prompts;

/// <summary>
/// Renders node templates through the prompt library loaded from <c>prompts/</c>.
/// </summary>
/// <remarks>Thread-safe. Loading validates every template the graph declares, so rendering never meets a missing one.</remarks>
public sealed class PromptReplyRenderer : IReplyRenderer
{
    private readonly PromptLibrary _library;

    private PromptReplyRenderer(PromptLibrary library) => _library = library;

    /// <summary>Loads and validates the templates every node of the sales graph renders.</summary>
    /// <param name="directory">The prompts directory.</param>
    /// <returns>The renderer.</returns>
    /// <exception cref="PromptValidationException">A template is missing, does not compile, or uses an unknown
    /// variable; the message names each file and line.</exception>
    public static PromptReplyRenderer Load(string directory) => new(PromptLibrary.Load(directory, Descriptors));

    /// <summary>Gets the template descriptors of the sales graph, for loading and linting.</summary>
    public static IReadOnlyList<TemplateDescriptor> Descriptors { get; } =
        [.. SalesGraph.Templates.Select(t => new TemplateDescriptor(t.Name, t.ModelType))];

    /// <inheritdoc />
    public string Render<TModel>(TemplateId<TModel> template, TModel model)
        where TModel : notnull
    {
        ArgumentNullException.ThrowIfNull(template);
        return _library.Render(template.Name, model);
    }
}
