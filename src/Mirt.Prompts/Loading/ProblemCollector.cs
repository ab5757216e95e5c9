namespace Mirt.Prompts.Loading;

/// <summary>Collects problems without duplicates and remembers which files have structural (syntax) problems.</summary>
internal sealed class ProblemCollector
{
    private readonly List<PromptProblem> _problems = [];
    private readonly HashSet<PromptProblem> _seen = [];
    private readonly HashSet<string> _structural = new(StringComparer.Ordinal);

    /// <summary>Gets the number of distinct problems collected so far.</summary>
    public int Count => _problems.Count;

    /// <summary>Adds a problem about a whole file (line 1, column 1) unless the same one was already added.</summary>
    public void Add(string file, string message) => Add(file, TextPosition.Start, message);

    /// <summary>Adds a problem unless the same one was already added.</summary>
    public void Add(string file, TextPosition at, string message)
    {
        var problem = new PromptProblem(file, at.Line, message) { Column = at.Column };
        if (_seen.Add(problem))
        {
            _problems.Add(problem);
        }
    }

    /// <summary>Adds a syntax problem; the Handlebars.Net compile error for the same file is then redundant.</summary>
    public void AddStructural(string file, TextPosition at, string message)
    {
        _structural.Add(file);
        Add(file, at, message);
    }

    /// <summary>Gets whether a syntax problem was already reported for the file.</summary>
    public bool HasStructural(string file) => _structural.Contains(file);

    /// <summary>Returns the problems ordered by file (ordinal), then line, then column, then insertion order.</summary>
    public IReadOnlyList<PromptProblem> ToSortedList() =>
        [.. _problems.OrderBy(p => p.File, StringComparer.Ordinal).ThenBy(p => p.Line).ThenBy(p => p.Column)];
}
