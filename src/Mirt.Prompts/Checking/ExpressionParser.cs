using System.Globalization;

namespace Mirt.Prompts.Checking;

/// <summary>
/// Splits a tag body into words: string literals, numbers, paths (with <c>[bracket]</c> segments),
/// <c>(sub expressions)</c>, <c>key=value</c> hash arguments and <c>as |a b|</c> block parameters.
/// </summary>
internal sealed class ExpressionParser
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

    private ExpressionPart ReadSubExpression()
    {
        var start = _position;
        var depth = 0;
        for (; _position < _text.Length; _position++)
        {
            var current = _text[_position];
            if (current is '"' or '\'')
            {
                ReadString(current);
                _position--;
            }
            else if (current == '(')
            {
                depth++;
            }
            else if (current == ')' && --depth == 0)
            {
                _position++;
                var inner = _text[(start + 1)..(_position - 1)];
                return new ExpressionPart(ExpressionPartKind.SubExpression, inner, Parse(inner));
            }
        }

        throw new FormatException("a '(' sub-expression is not closed with ')'");
    }

    private ExpressionPart ReadString(char quote)
    {
        var start = ++_position;
        for (; _position < _text.Length; _position++)
        {
            if (_text[_position] == '\\')
            {
                _position++;
            }
            else if (_text[_position] == quote)
            {
                _position++;
                return new ExpressionPart(ExpressionPartKind.Literal, _text[start..(_position - 1)]);
            }
        }

        throw new FormatException($"a string literal starting with {quote} is never closed");
    }

    private ExpressionPart ReadWord()
    {
        var start = _position;
        while (_position < _text.Length && !char.IsWhiteSpace(_text[_position]) && _text[_position] is not '(' and not ')')
        {
            if (_text[_position] == '[')
            {
                var close = _text.IndexOf(']', _position);
                _position = close >= 0 ? close : throw new FormatException("a '[' path segment is not closed with ']'");
            }

            _position++;
        }

        var word = _text[start.._position];
        return new ExpressionPart(IsLiteral(word) ? ExpressionPartKind.Literal : ExpressionPartKind.Path, word);
    }

    private static bool IsLiteral(string word) =>
        word is "true" or "false" or "null" or "undefined"
        || ((char.IsAsciiDigit(word[0]) || (word.Length > 1 && word[0] == '-' && char.IsAsciiDigit(word[1])))
            && double.TryParse(word, NumberStyles.Float, CultureInfo.InvariantCulture, out _));
}
