namespace Mirt.Rules.Shop;

/// <summary>
/// Reports every problem found while loading a shop profile, so that a broken <c>shop.json</c> is fixed in one pass.
/// </summary>
public sealed class ShopProfileValidationException : Exception
{
    /// <summary>Creates the exception with no problem list.</summary>
    public ShopProfileValidationException()
        : this("The shop profile is invalid; fix Data/shop.json.")
    {
    }

    /// <summary>Creates the exception with a single problem.</summary>
    /// <param name="message">The problem, as a full sentence.</param>
    public ShopProfileValidationException(string message)
        : this(message, innerException: null)
    {
    }

    /// <summary>Creates the exception with a single problem and its cause.</summary>
    /// <param name="message">The problem, as a full sentence.</param>
    /// <param name="innerException">The exception that caused it, for example a JSON syntax error.</param>
    public ShopProfileValidationException(string message, Exception? innerException)
        : base(message, innerException) => Problems = [message];

    /// <summary>Creates the exception from the list of problems the loader collected.</summary>
    /// <param name="problems">The problems, each a full sentence naming the field; at least one.</param>
    /// <exception cref="ArgumentNullException"><paramref name="problems"/> is <see langword="null"/>.</exception>
    public ShopProfileValidationException(IReadOnlyList<string> problems)
        : base(Describe(problems)) => Problems = problems;

    /// <summary>Gets the problems, each a full sentence naming the field and saying how to fix it.</summary>
    public IReadOnlyList<string> Problems { get; }

    private static string Describe(IReadOnlyList<string> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        return $"The shop profile has {problems.Count} problem(s); fix the shop data file:{Environment.NewLine} - "
            + string.Join(Environment.NewLine + " - ", problems);
    }
}
