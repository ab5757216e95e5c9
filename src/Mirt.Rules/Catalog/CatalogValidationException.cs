namespace Mirt.Rules.Catalog;

/// <summary>
/// Reports every problem found while loading a catalog, so that a broken data file is fixed in one pass.
/// </summary>
public sealed class CatalogValidationException : Exception
{
    /// <summary>Creates the exception with no problem list.</summary>
    public CatalogValidationException()
        : this("The catalog is invalid; fix Data/catalog.json.")
    {
    }

    /// <summary>Creates the exception with a single problem.</summary>
    /// <param name="message">The problem, as a full sentence.</param>
    public CatalogValidationException(string message)
        : this(message, innerException: null)
    {
    }

    /// <summary>Creates the exception with a single problem and its cause.</summary>
    /// <param name="message">The problem, as a full sentence.</param>
    /// <param name="innerException">The exception that caused it, for example a JSON syntax error.</param>
    public CatalogValidationException(string message, Exception? innerException)
        : base(message, innerException) => Problems = [message];

    /// <summary>Creates the exception from the list of problems the loader collected.</summary>
    /// <param name="problems">The problems, each a full sentence naming the model and field; at least one.</param>
    /// <exception cref="ArgumentNullException"><paramref name="problems"/> is <see langword="null"/>.</exception>
    public CatalogValidationException(IReadOnlyList<string> problems)
        : base(Describe(problems)) => Problems = problems;

    /// <summary>Gets the problems, each a full sentence naming the model and field and saying how to fix it.</summary>
    public IReadOnlyList<string> Problems { get; }

    private static string Describe(IReadOnlyList<string> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        return $"The catalog has {problems.Count} problem(s); fix the catalog data file:{Environment.NewLine} - "
            + string.Join(Environment.NewLine + " - ", problems);
    }
}
