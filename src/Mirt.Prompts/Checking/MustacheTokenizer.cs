using Mirt.Prompts.Loading;

namespace Mirt.Prompts.Checking;

/// <summary>
/// Finds the <c>{{ … }}</c>, <c>{{{ … }}}</c> and <c>{{~ … ~}}</c> tags of a template and the line and column each starts at.
/// Text between tags is skipped; <c>\{{</c> escapes a tag.
/// </summary>
internal static class MustacheTokenizer
{
    /// <summary>Splits <paramref name="text"/> into tags; <paramref name="errors"/> lists tags that are not closed properly.</summary>
    public static IReadOnlyList<MustacheToken> Tokenize(string text, out IReadOnlyList<(TextPosition At, string Message)> errors)
    {
        var tokens = new List<MustacheToken>();
        var found = new List<(TextPosition At, string Message)>();
        errors = found;
        var position = 0;
        var line = 1;
        var lineStart = 0;
        while (true)
        {
            var open = text.IndexOf("{{", position, StringComparison.Ordinal);
            if (open < 0)
            {
                return tokens;
            }

            line += CountNewlines(text, position, open, ref lineStart);
            var at = new TextPosition(line, open - lineStart + 1);
            var escaped = open > 0 && text[open - 1] == '\\';
            var triple = open + 2 < text.Length && text[open + 2] == '{';
            var comment = IsLongComment(text, open);
            var close = FindClose(text, open, comment, triple, out var closeLength);
            if (close < 0)
            {
                found.Add((at, "a '{{' tag is never closed; add the closing '}}'"));
                return tokens;
            }

            if (!triple && !comment && close + 2 < text.Length && text[close + 2] == '}')
            {
                found.Add((at, "a '{{' tag ends with '}}}'; remove the extra '}' or open it with '{{{'"));
            }

            if (!escaped)
            {
                var start = open + (triple ? 3 : 2);
                tokens.Add(Classify(text[start..close], triple, at));
            }

            var end = close + closeLength;
            line += CountNewlines(text, open, end, ref lineStart);
            position = end;
        }
    }

    private static bool IsLongComment(string text, int open)
    {
        var at = open + 2;
        if (at < text.Length && text[at] == '~')
        {
            at++;
        }

        return string.CompareOrdinal(text, at, "!--", 0, 3) == 0;
    }

    private static int FindClose(string text, int open, bool longComment, bool triple, out int closeLength)
    {
        closeLength = triple ? 3 : 2;
        var search = open + 2;
        while (true)
        {
            var close = text.IndexOf(triple ? "}}}" : "}}", search, StringComparison.Ordinal);
            if (close < 0 || !longComment || EndsWithDashes(text, open + 5, close))
            {
                return close;
            }

            search = close + 1;
        }
    }

    private static bool EndsWithDashes(string text, int bodyStart, int close)
    {
        var end = close > 0 && text[close - 1] == '~' ? close - 1 : close;
        return end - 2 >= bodyStart && text[end - 1] == '-' && text[end - 2] == '-';
    }

    private static MustacheToken Classify(string raw, bool triple, TextPosition at)
    {
        var body = raw.Trim().TrimStart('~').TrimEnd('~').Trim();
        if (triple)
        {
            return new MustacheToken(MustacheKind.Variable, body.TrimEnd('}').Trim(), at);
        }

        (MustacheKind Kind, int Skip) shape = body switch
        {
            _ when body.StartsWith('!') => (MustacheKind.Comment, body.Length),
            _ when body.StartsWith("#>", StringComparison.Ordinal) => (MustacheKind.PartialBlockOpen, 2),
            _ when body.StartsWith("#*", StringComparison.Ordinal) => (MustacheKind.DecoratorBlockOpen, 2),
            _ when body.StartsWith('#') => (MustacheKind.BlockOpen, 1),
            _ when body.StartsWith('*') => (MustacheKind.Decorator, 1),
            _ when body.StartsWith('/') => (MustacheKind.Close, 1),
            "^" or "else" => (MustacheKind.Else, body.Length),
            _ when body.StartsWith("else ", StringComparison.Ordinal) => (MustacheKind.Else, 5),
            _ when body.StartsWith('^') => (MustacheKind.InverseOpen, 1),
            _ when body.StartsWith('>') => (MustacheKind.Partial, 1),
            _ when body.StartsWith('&') => (MustacheKind.Variable, 1),
            _ when body.StartsWith('{') && body.EndsWith('}') => (MustacheKind.Variable, 1),
            _ => (MustacheKind.Variable, 0),
        };
        return new MustacheToken(shape.Kind, body[shape.Skip..].TrimEnd('}').Trim(), at);
    }

    /// <summary>Counts the newlines in [<paramref name="from"/>, <paramref name="to"/>) and moves <paramref name="lineStart"/> past the last one.</summary>
    private static int CountNewlines(string text, int from, int to, ref int lineStart)
    {
        var count = 0;
        for (var i = from; i < to; i++)
        {
            if (text[i] == '\n')
            {
                count++;
                lineStart = i + 1;
            }
        }

        return count;
    }
}
