namespace Mirt.Prompts.Checking;

/// <summary>What one word of a tag body is.</summary>
internal enum ExpressionPartKind
{
    /// <summary>A path such as <c>customer.fullName</c>, <c>../shopName</c>, <c>this</c> or <c>@index</c>.</summary>
    Path,

    /// <summary>A string, number, boolean, <c>null</c> or <c>undefined</c> literal.</summary>
    Literal,

    /// <summary>A parenthesised helper call such as <c>(money priceUah)</c>.</summary>
    SubExpression,
}
