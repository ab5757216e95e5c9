using System.Globalization;

namespace Mirt.Prompts.Checking;

/// <summary>Reading single words: sub-expressions, string literals, paths and literals.</summary>
internal sealed partial class ExpressionParser
{
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
