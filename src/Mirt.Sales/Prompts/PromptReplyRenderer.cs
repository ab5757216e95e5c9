using Mirt.Nodes.Abstractions.Replies;
using Mirt.Prompts;
using Mirt.Sales.Graph;

namespace Mirt.Sales.Prompts;

/// <summary>
/// Renders node templates through the prompt library loaded from <c>prompts/</c>, and swaps in a fresh library when
/// <see cref="Reload"/> finds the directory clean (hot reload in Development).
/// </summary>
/// <remarks>Thread-safe. Loading validates every template the graph declares, so rendering never meets a missing one.
/// A render reads the current library once (a volatile read, no lock), so a reload never mixes two template sets in
/// one call and never slows rendering down.</remarks>
public sealed class PromptReplyRenderer : IReplyRenderer
{
    private readonly Lock _reloadGate = new();
    private PromptLibrary _library;

    private PromptReplyRenderer(string directory, PromptLibrary library)
    {
        Directory = directory;
        _library = library;
    }

    /// <summary>Gets the template descriptors of the sales graph and of the host's delivery texts, for loading and linting.</summary>
    public static IReadOnlyList<TemplateDescriptor> Descriptors { get; } =
        [.. SalesGraph.Templates.Concat(Delivery.DeliveryTemplates.All).Select(t => new TemplateDescriptor(t.Name, t.ModelType))];

    /// <summary>Gets the lint settings for the sales prompts: the default budget (1800 UTF-8 bytes, about two Instagram
    /// bubbles) for chat replies, 4000 bytes for the model's instructions under <c>llm/</c>, which no customer reads but
    /// every call pays for in tokens.</summary>
    public static PromptLintOptions LintOptions { get; } = new()
    {
        TemplateBudgets = new Dictionary<string, int>(StringComparer.Ordinal) { ["llm/"] = 4000 },
    };

    /// <summary>Gets the full path of the prompts directory the templates come from.</summary>
    public string Directory { get; }

    /// <summary>Gets how many templates the current library renders.</summary>
    public int TemplateCount => Volatile.Read(ref _library).Names.Count;

    /// <summary>Loads and validates the templates every node of the sales graph renders.</summary>
    /// <param name="directory">The prompts directory.</param>
    /// <returns>The renderer.</returns>
    /// <exception cref="PromptValidationException">A template is missing, does not compile, or uses an unknown
    /// variable; the message names each file and line.</exception>
    /// <exception cref="DirectoryNotFoundException"><paramref name="directory"/> does not exist.</exception>
    public static PromptReplyRenderer Load(string directory) =>
        new(Path.GetFullPath(directory), PromptLibrary.Load(directory, Descriptors));

    /// <summary>
    /// Reads the prompts directory again and, when <see cref="PromptLinter.Lint"/> finds no problem, swaps the new
    /// templates in atomically; otherwise keeps the current ones.
    /// </summary>
    /// <returns>The problems that kept the current templates (empty when the new ones are in use) and the number of
    /// templates in use afterwards.</returns>
    /// <exception cref="IOException">A file could not be read (for example, an editor is still writing it); the current
    /// templates stay.</exception>
    /// <remarks>Reloads run one at a time; renders running meanwhile finish with the library they started with.</remarks>
    public PromptReloadResult Reload()
    {
        lock (_reloadGate)
        {
            var problems = PromptLinter.Lint(Directory, Descriptors, LintOptions);
            if (problems.Count > 0)
            {
                return new PromptReloadResult(problems, TemplateCount);
            }

            PromptLibrary next;
            try
            {
                next = PromptLibrary.Load(Directory, Descriptors);
            }
            catch (PromptValidationException ex)
            {
                // A file changed between the lint and the load: report what the load saw.
                return new PromptReloadResult(ex.Problems, TemplateCount);
            }

            Volatile.Write(ref _library, next);
            return new PromptReloadResult([], next.Names.Count);
        }
    }

    /// <inheritdoc />
    public string Render<TModel>(TemplateId<TModel> template, TModel model)
        where TModel : notnull
    {
        ArgumentNullException.ThrowIfNull(template);
        return Volatile.Read(ref _library).Render(template.Name, model);
    }
}
