namespace Mirt.Prompts.Checking;

/// <summary>
/// Splits a tag body into words: string literals, numbers, paths (with <c>[bracket]</c> segments),
/// <c>(sub expressions)</c>, <c>key=value</c> hash arguments and <c>as |a b|</c> block parameters.
/// </summary>
internal sealed partial class ExpressionParser
{
    private readonly string _text;
    private int _position;

    private ExpressionParser(string text) => _text = text;

    /// <summary>Parses <paramref name="text"/>; throws <see cref="FormatException"/> with a lower-case clause on bad syntax.</summary>
    public static ParsedExpression Parse(string text) => new ExpressionParser(text).ParseAll();

    private ParsedExpression ParseAll()
    {
        var parts = new List<ExpressionPart>();
        var hash = new List<KeyValuePair<string, ExpressionPart>>();
        var blockParameters = new List<string>();
        while (SkipWhitespace())
        {
            if (TryReadBlockParameters(blockParameters))
            {
                continue;
            }

            var key = TryReadHashKey();
            var part = ReadPart();
            if (key is null)
            {
                parts.Add(part);
            }
            else
            {
                hash.Add(KeyValuePair.Create(key, part));
            }
        }

        return new ParsedExpression(parts, hash, blockParameters);
    }

    private bool SkipWhitespace()
    {
        while (_position < _text.Length && char.IsWhiteSpace(_text[_position]))
        {
            _position++;
        }

        return _position < _text.Length;
    }

    private bool TryReadBlockParameters(List<string> names)
    {
        if (string.CompareOrdinal(_text, _position, "as", 0, 2) != 0)
        {
            return false;
        }

        var bar = _position + 2;
        while (bar < _text.Length && char.IsWhiteSpace(_text[bar]))
        {
            bar++;
        }

        if (bar == _position + 2 || bar >= _text.Length || _text[bar] != '|')
        {
            return false;
        }

        var end = _text.IndexOf('|', bar + 1);
        if (end < 0)
        {
            throw new FormatException("block parameters 'as |…' are not closed with '|'");
        }

        names.AddRange(_text[(bar + 1)..end].Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        _position = end + 1;
        return true;
    }

    private string? TryReadHashKey()
    {
        var end = _position;
        while (end < _text.Length && (char.IsLetterOrDigit(_text[end]) || _text[end] is '_' or '-' or '@'))
        {
            end++;
        }

        if (end == _position || end >= _text.Length || _text[end] != '=')
        {
            return null;
        }

        var key = _text[_position..end];
        _position = end + 1;
        if (_position >= _text.Length || char.IsWhiteSpace(_text[_position]))
        {
            throw new FormatException($"the hash argument '{key}=' has no value");
        }

        return key;
    }

    private ExpressionPart ReadPart()
    {
        var first = _text[_position];
        return first switch
        {
            '(' => ReadSubExpression(),
            '"' or '\'' => ReadString(first),
            ')' => throw new FormatException("a ')' has no matching '('"),
            _ => ReadWord(),
        };
    }
}
