using System.Collections.Frozen;
using Mirt.Prompts.Loading;
using Mirt.Prompts.Rendering;

namespace Mirt.Prompts;

/// <summary>
/// Holds every text the bot says: Handlebars templates read from a prompts directory, checked against their model
/// types and compiled once at load.
/// </summary>
/// <remarks>
/// Instances are immutable and thread-safe: any number of threads may call <see cref="Render(string, object)"/>
/// at once. Templates use camelCase model names (<c>{{productName}}</c>); files under <c>shared/</c> are partials
/// (<c>{{&gt; persona_sign}}</c>). Output has trailing whitespace removed, at most one blank line in a row and no
/// leading or trailing blank lines; nothing is HTML-escaped.
/// </remarks>
public sealed class PromptLibrary
{
    private readonly FrozenDictionary<string, CompiledPrompt> _templates;

    private PromptLibrary(FrozenDictionary<string, CompiledPrompt> templates) => _templates = templates;

    /// <summary>Gets the names of the templates that can be rendered: exactly the names of the descriptors passed to <see cref="Load"/>.</summary>
    public IReadOnlyCollection<string> Names => _templates.Keys;

    /// <summary>
    /// Reads every <c>*.hbs</c> file under <paramref name="directory"/> (UTF-8), registers the files under
    /// <c>shared/</c> as partials, compiles the templates and checks that every described template has a file, every
    /// file compiles, every variable exists on its model type and every partial exists.
    /// </summary>
    /// <param name="directory">The prompts directory, absolute or relative to the current directory.</param>
    /// <param name="templates">The templates the application renders and their model types; files no descriptor names are allowed.</param>
    /// <returns>A library ready to render the described templates.</returns>
    /// <exception cref="ArgumentException"><paramref name="directory"/> is empty, or a descriptor is null, badly named or repeated.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="directory"/> or <paramref name="templates"/> is <see langword="null"/>.</exception>
    /// <exception cref="DirectoryNotFoundException"><paramref name="directory"/> does not exist.</exception>
    /// <exception cref="PromptValidationException">Any template has a problem; all problems are listed at once.</exception>
    public static PromptLibrary Load(string directory, IEnumerable<TemplateDescriptor> templates)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        ArgumentNullException.ThrowIfNull(templates);

        var analysis = PromptAnalysis.Run(directory, templates);
        if (analysis.Problems.Count > 0)
        {
            throw new PromptValidationException(analysis.Problems.ToSortedList());
        }

        return new PromptLibrary(analysis.Templates.ToFrozenDictionary(StringComparer.Ordinal));
    }

    /// <summary>Renders the template <paramref name="name"/> with <paramref name="model"/>.</summary>
    /// <param name="name">The template name, e.g. <c>offer/made</c>.</param>
    /// <param name="model">The model, an instance of the type the template's descriptor names.</param>
    /// <returns>The chat text, tidied as described in the remarks of <see cref="PromptLibrary"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> or <paramref name="model"/> is <see langword="null"/>.</exception>
    /// <exception cref="KeyNotFoundException">No descriptor named <paramref name="name"/> was passed to <see cref="Load"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="model"/> is not of the descriptor's model type.</exception>
    public string Render(string name, object model)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(model);
        if (!_templates.TryGetValue(name, out var template))
        {
            throw new KeyNotFoundException(
                $"The prompt template '{name}' is not loaded; pass a TemplateDescriptor for it to PromptLibrary.Load (loaded: {string.Join(", ", _templates.Keys.Order(StringComparer.Ordinal))}).");
        }

        return template.Render(model);
    }
}
