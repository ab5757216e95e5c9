using System.Text;

namespace Mirt.Nodes.Abstractions.State;

/// <summary>
/// Chooses the part of the stored transcript a language model is shown: the latest lines, capped by count and by UTF-8
/// bytes. The store always keeps the whole transcript; this policy only trims what is read, so changing it never
/// loses history.
/// </summary>
/// <param name="MaxLines">The most lines shown; the default 20 is the seed plan's "last 20 messages".</param>
/// <param name="MaxBytes">The most UTF-8 bytes of text shown; the default 8,000 keeps the prompt small. The newest line
/// is always shown, even when it alone is longer.</param>
public sealed record TranscriptWindow(int MaxLines = 20, int MaxBytes = 8_000)
{
    /// <summary>Gets the default window: the last 20 lines, at most 8,000 bytes.</summary>
    public static TranscriptWindow Default { get; } = new();

    /// <summary>Returns the newest lines that fit the window, oldest first.</summary>
    /// <param name="transcript">The whole transcript, oldest first.</param>
    /// <returns>The trimmed transcript, oldest first.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="transcript"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><see cref="MaxLines"/> or <see cref="MaxBytes"/> is below 1.</exception>
    public IReadOnlyList<TranscriptEntry> Apply(IReadOnlyList<TranscriptEntry> transcript)
    {
        ArgumentNullException.ThrowIfNull(transcript);
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxLines, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxBytes, 1);
        var first = transcript.Count;
        var bytes = 0;
        while (first > 0 && transcript.Count - first < MaxLines)
        {
            var size = Encoding.UTF8.GetByteCount(transcript[first - 1].Text);
            if (first < transcript.Count && bytes + size > MaxBytes)
            {
                break;
            }

            bytes += size;
            first--;
        }

        return transcript.Skip(first).ToList();
    }
}
