namespace Mirt.Prompts;

/// <summary>
/// Tunes the checks <see cref="PromptLinter.Lint(string, IEnumerable{TemplateDescriptor}, PromptLintOptions?)"/>
/// adds on top of the ones <see cref="PromptLibrary.Load(string, IEnumerable{TemplateDescriptor})"/> makes.
/// </summary>
public sealed class PromptLintOptions
{
    /// <summary>
    /// Gets the largest size a template may have, in UTF-8 bytes, counting the text of every partial it includes.
    /// </summary>
    /// <value>The default is 1800 bytes; the value must be positive.</value>
    public int MaxTemplateBytes { get; init; } = 1800;

    /// <summary>
    /// Gets budgets, in UTF-8 bytes with partials expanded, that replace <see cref="MaxTemplateBytes"/> for some
    /// templates: keyed by a template name (<c>offer/made</c>) or a folder prefix ending in <c>/</c> (<c>llm/</c>); the
    /// longest matching key wins. A chat reply and a system prompt for a model need very different budgets.
    /// </summary>
    /// <value>The default is empty: every template has <see cref="MaxTemplateBytes"/>; every value must be positive.</value>
    public IReadOnlyDictionary<string, int> TemplateBudgets { get; init; } = new Dictionary<string, int>(StringComparer.Ordinal);

    /// <summary>Returns the budget of the template <paramref name="name"/>, in UTF-8 bytes.</summary>
    /// <param name="name">The template name, e.g. <c>offer/made</c> or <c>shared/offer_line</c>.</param>
    /// <returns>The value of the longest key of <see cref="TemplateBudgets"/> that names or contains the template, else <see cref="MaxTemplateBytes"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is <see langword="null"/>.</exception>
    public int BudgetFor(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var best = -1;
        var budget = MaxTemplateBytes;
        foreach (var (key, value) in TemplateBudgets)
        {
            var matches = key.EndsWith('/')
                ? name.StartsWith(key, StringComparison.Ordinal)
                : string.Equals(key, name, StringComparison.Ordinal);
            if (matches && key.Length > best)
            {
                best = key.Length;
                budget = value;
            }
        }

        return budget;
    }

    /// <summary>Throws when a budget is not positive.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A budget is zero or negative.</exception>
    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MaxTemplateBytes, nameof(PromptLintOptions) + "." + nameof(MaxTemplateBytes));
        foreach (var (key, value) in TemplateBudgets)
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(value, $"{nameof(PromptLintOptions)}.{nameof(TemplateBudgets)}[{key}]");
        }
    }
}
