using System.Globalization;
using HandlebarsDotNet;
using Mirt.Prompts.Helpers;

namespace Mirt.Prompts.Loading;

/// <summary>
/// Compiles templates with one private Handlebars.Net environment: registers the built-in helpers and the
/// <c>shared/</c> partials, then compiles every other file and every described one.
/// </summary>
internal static class PromptCompiler
{
    private const string LocationMarker = "ccured at: ";

    /// <summary>Compiles the sources; compile errors go to <paramref name="problems"/> unless the checker already reported the file's syntax.</summary>
    /// <returns>The compiled delegates of the files compiled as templates, by template name.</returns>
    public static Dictionary<string, HandlebarsTemplate<object, object>> Compile(
        IReadOnlyList<PromptSource> sources,
        IReadOnlySet<string> described,
        ProblemCollector problems)
    {
        var handlebars = Handlebars.Create(new HandlebarsConfiguration
        {
            NoEscape = true,
            FormatProvider = CultureInfo.InvariantCulture,
        });
        BuiltInHelpers.Register(handlebars);

        foreach (var source in sources)
        {
            if (source.PartialName is { } partialName)
            {
                Try(source, problems, () => handlebars.RegisterTemplate(partialName, source.Text));
            }
        }

        var compiled = new Dictionary<string, HandlebarsTemplate<object, object>>(StringComparer.Ordinal);
        foreach (var source in sources)
        {
            if (!source.IsShared || described.Contains(source.Name))
            {
                Try(source, problems, () => compiled[source.Name] = handlebars.Compile(source.Text));
            }
        }

        return compiled;
    }

    private static void Try(PromptSource source, ProblemCollector problems, Action compile)
    {
        try
        {
            compile();
        }
        catch (Exception exception) when (exception is HandlebarsException or InvalidOperationException or ArgumentException or FormatException)
        {
            if (!problems.HasStructural(source.RelativePath))
            {
                var firstLine = exception.Message.Split('\n')[0].Trim().TrimEnd('.');
                problems.Add(
                    source.RelativePath,
                    PositionOf(exception.Message),
                    $"the template does not compile ({firstLine}); fix the Handlebars syntax here");
            }
        }
    }

    /// <summary>Reads the 0-based "Occured at: line:column" Handlebars.Net appends to parser errors; line 1, column 1 when absent.</summary>
    private static TextPosition PositionOf(string message)
    {
        var at = message.IndexOf(LocationMarker, StringComparison.Ordinal);
        if (at < 0)
        {
            return TextPosition.Start;
        }

        var position = at + LocationMarker.Length;
        var line = ReadNumber(message, ref position);
        if (line is null)
        {
            return TextPosition.Start;
        }

        int? column = null;
        if (position < message.Length && message[position] == ':')
        {
            position++;
            column = ReadNumber(message, ref position);
        }

        return new TextPosition(line.Value + 1, (column ?? 0) + 1);
    }

    private static int? ReadNumber(string message, ref int position)
    {
        var start = position;
        while (position < message.Length && char.IsAsciiDigit(message[position]))
        {
            position++;
        }

        return int.TryParse(message.AsSpan(start, position - start), NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? value
            : null;
    }
}
