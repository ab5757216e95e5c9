namespace Mirt.Rules.Text;

/// <summary>
/// Describes one word or number of a customer message.
/// </summary>
/// <param name="Value">Holds the normalised text: lower case, apostrophes removed, <c>U+0451</c> folded to <c>U+0435</c>.</param>
/// <param name="Start">Gives the index of the first character in the original message.</param>
/// <param name="Length">Gives the number of characters the token spans in the original message.</param>
/// <param name="IsNumber">Tells whether the token is a run of ASCII digits.</param>
public readonly record struct Token(string Value, int Start, int Length, bool IsNumber);
