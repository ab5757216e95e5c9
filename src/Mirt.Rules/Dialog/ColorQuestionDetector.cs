using Mirt.Rules.Text;

namespace Mirt.Rules.Dialog;

/// <summary>
/// Tells whether the customer asks which colours exist ("which colours are there?", "is it in pink colour?"), as
/// opposed to naming the colour they want.
/// </summary>
/// <remarks>
/// A message asks when it holds a colour question phrase ("which colour"), or the word "colour" itself together with a
/// question mark or an availability word ("is there", "do you have"). A bare colour name is a choice, not a question.
/// Words live in <c>Data/dialog.json</c>. Immutable and thread-safe.
/// </remarks>
public sealed class ColorQuestionDetector
{
    private static readonly Lazy<ColorQuestionDetector> LazyDefault = new(() => new ColorQuestionDetector(DialogData.Shared));

    private readonly KeywordSet _questions;
    private readonly KeywordSet _colorNouns;
    private readonly KeywordSet _availability;

    internal ColorQuestionDetector(DialogData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        _questions = data.ColorQuestion.ToKeywordSet(DialogData.FileName, "colorQuestion");
        _colorNouns = data.ColorNouns.ToKeywordSet(DialogData.FileName, "colorNouns");
        _availability = data.AvailabilityWords.ToKeywordSet(DialogData.FileName, "availabilityWords");
    }

    /// <summary>Gets the detector built from the embedded <c>dialog.json</c>, loaded on first use.</summary>
    /// <exception cref="InvalidOperationException">The embedded data file is missing or broken.</exception>
    public static ColorQuestionDetector Default => LazyDefault.Value;

    /// <summary>Decides whether the message asks which colours exist.</summary>
    /// <param name="text">The tokenised customer message.</param>
    /// <returns><see langword="true"/> for a colour question as described in the remarks.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is <see langword="null"/>.</exception>
    public bool IsColorQuestion(TokenizedText text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (_questions.Matches(text))
        {
            return true;
        }

        return _colorNouns.Matches(text)
            && (text.Original.Contains('?', StringComparison.Ordinal) || _availability.Matches(text));
    }
}
