using System.Text.Json;

namespace Mirt.Host.Bench;

/// <summary>
/// The customer side of a realistic sales dialogue in Ukrainian (a dress for a kindergarten graduation: size, colour,
/// price, order, delivery, prepayment, a receipt photo), which every bench conversation plays, cycling when it has
/// more turns than lines. The lines live in <c>benchmarks/conversations/sales-script.jsonl</c> (copied next to the
/// executable as <c>bench/sales-script.jsonl</c>), because customer text belongs in data files, not in C#.
/// </summary>
internal static class SalesScript
{
    private static readonly Lazy<ScriptLine[]> Lines = new(Load);

    /// <summary>Gets the number of lines before the dialogue starts again.</summary>
    public static int Length => Lines.Value.Length;

    /// <summary>Gets what the customer sends on a turn.</summary>
    /// <param name="turn">The turn of the conversation, from 0.</param>
    /// <returns>The customer's first name, the text and, for the receipt, the photo's URL.</returns>
    public static ScriptLine Line(int turn) => Lines.Value[turn % Lines.Value.Length];

    private static ScriptLine[] Load()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "bench", "sales-script.jsonl");
        var lines = File.ReadLines(path)
            .Where(line => line.Length > 0)
            .Select(line => JsonSerializer.Deserialize<ScriptLine>(line)
                ?? throw new InvalidDataException($"{path}: a line is null; each line is {{\"first_name\",\"text\",\"image_url\"?}}."))
            .ToArray();
        return lines.Length > 0 ? lines : throw new InvalidDataException($"{path} holds no line; the bench needs a dialogue to play.");
    }
}
