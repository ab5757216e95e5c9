namespace Mirt.Rules.Text;

/// <summary>
/// Names the buckets of <see cref="PatternIndex"/>: which token letters a bucket's key is made of.
/// </summary>
internal enum PatternIndexKind
{
    /// <summary>Exact first words of one letter, keyed by the token's first letter.</summary>
    OneLetter,

    /// <summary>Exact first words of two letters or more, keyed by the token's letters 0 and 1.</summary>
    Letters01,

    /// <summary>Typo-tolerant first words, keyed by the token's letters 0 and 1.</summary>
    Tolerant01,

    /// <summary>Typo-tolerant first words, keyed by the token's letters 1 and 2.</summary>
    Tolerant12,

    /// <summary>Typo-tolerant first words, keyed by the token's letters 0 and 2.</summary>
    Tolerant02,

    /// <summary>The number of kinds; not a kind.</summary>
    Count,
}
