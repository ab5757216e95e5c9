namespace Mirt.Prompts.Helpers;

/// <summary>What the checker knows about a helper: whether it opens a block and how many positional arguments it takes.</summary>
/// <param name="Name">The helper name as written in templates.</param>
/// <param name="IsBlock">True for <c>{{#name …}}…{{/name}}</c> helpers.</param>
/// <param name="MinArguments">The fewest positional arguments allowed.</param>
/// <param name="MaxArguments">The most positional arguments allowed.</param>
internal sealed record HelperSignature(string Name, bool IsBlock, int MinArguments, int MaxArguments)
{
    /// <summary>Describes the allowed argument count: "1 argument", "1 to 2 arguments".</summary>
    public string DescribeArity() => (MinArguments, MaxArguments) switch
    {
        (1, 1) => "1 argument",
        var (min, max) when min == max => $"{min} arguments",
        (var min, int.MaxValue) => $"at least {min} argument(s)",
        var (min, max) => $"{min} to {max} arguments",
    };
}
