using Mirt.Rules.Text;

namespace Mirt.Rules.Dialog;

/// <summary>
/// Reads a yes or a no from the customer's answer to a question.
/// </summary>
/// <remarks>
/// When a message holds both, the one that comes first wins (a tie goes to no): the opening word is the answer and the rest qualifies it
/// ("No, thanks, that's all" is <see cref="Confirmation.No"/>; "Yes, but nothing more is needed" is
/// <see cref="Confirmation.Yes"/>). Negated yes-words ("don't want", "doesn't fit") are no-words, never yes.
/// Words live in <c>Data/dialog.json</c>. Immutable and thread-safe.
/// </remarks>
public sealed class ConfirmationDetector
{
    private static readonly Lazy<ConfirmationDetector> LazyDefault = new(() => new ConfirmationDetector(DialogData.Shared));

    private readonly KeywordSet _yes;
    private readonly KeywordSet _no;

    internal ConfirmationDetector(DialogData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        _yes = data.ConfirmationYes.ToKeywordSet(DialogData.FileName, "confirmationYes");
        _no = data.ConfirmationNo.ToKeywordSet(DialogData.FileName, "confirmationNo");
    }

    /// <summary>Gets the detector built from the embedded <c>dialog.json</c>, loaded on first use.</summary>
    /// <exception cref="InvalidOperationException">The embedded data file is missing or broken.</exception>
    public static ConfirmationDetector Default => LazyDefault.Value;

    /// <summary>Reads the answer.</summary>
    /// <param name="text">The tokenised customer message.</param>
    /// <returns>Yes, no, or <see cref="Confirmation.None"/> when neither occurs.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is <see langword="null"/>.</exception>
    public Confirmation Detect(TokenizedText text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return (_yes.FindFirst(text), _no.FindFirst(text)) switch
        {
            ({ } yes, { } no) => no.TokenIndex <= yes.TokenIndex ? Confirmation.No : Confirmation.Yes,
            ({ }, null) => Confirmation.Yes,
            (null, { }) => Confirmation.No,
            _ => Confirmation.None,
        };
    }
}
