using System.Text;

namespace Mirt.Testing.Llm;

/// <summary>Keeps the last lines a child process wrote (at most about 64 K characters), for error messages.</summary>
internal sealed class ServerLog
{
    private const int Limit = 64 * 1024;
    private readonly StringBuilder _text = new();

    public void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_text)
        {
            _text.AppendLine(line);
            if (_text.Length > Limit)
            {
                _text.Remove(0, _text.Length - (Limit / 2));
            }
        }
    }

    public override string ToString()
    {
        lock (_text)
        {
            return _text.ToString();
        }
    }
}
