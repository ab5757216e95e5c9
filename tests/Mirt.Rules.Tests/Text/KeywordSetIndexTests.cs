using Mirt.Rules.Text;

namespace Mirt.Rules.Tests.Text;

/// <summary>
/// Checks that <see cref="KeywordSet"/>'s letter index finds exactly what trying every pattern in order finds,
/// including typos at the first and second letter, where the index is most likely to miss.
/// </summary>
public sealed class KeywordSetIndexTests
{
    private static readonly string[] Patterns =
    [
        "квитанц*", "квитанція", "переказала", "оплат*", "=оплач*", "доставк*", "нов* пошт*", "# см", "зріст #",
        "є", "у вас є", "=скрин*", "скрін*", "так", "ні", "abcde", "#", "ще одн*", "aabbc", "baabc",
    ];

    public static TheoryData<string> Messages => new()
    {
        "квитанція", "вкитанція", "кквитанція", "витанція", "кивтанція", "хвитанція", "кыитанція", "квтанція",
        "переказала", "епреказала", "ппереказала", "ереказала", "пкреказала", "рпеказала", "плата", "оплачу", "оплот",
        "доставка", "одставка", "дставка", "ддоставка", "нова пошта", "нові пошти", "120 см", "зріст 118", "у вас є?",
        "є", "скриншот", "скиньте", "скрін", "так ні", "також", "ще одну", "abcde", "bacde", "aabbc", "ababc", "baabc",
        "abdce", "12", "x", "ab", "abc", "abcd", "аа ба", "aacbc", "aabcb", "baacb",
    };

    [Theory]
    [MemberData(nameof(Messages))]
    public void FindFirst_AnyMessage_EqualsTryingEveryPatternInOrder(string text)
    {
        var set = new KeywordSet(Patterns);
        var tokens = TokenizedText.From(text);

        set.FindFirst(tokens).Should().Be(BruteForce(tokens));
    }

    [Fact]
    public void FindFirst_GeneratedTypos_EqualsTryingEveryPatternInOrder()
    {
        var set = new KeywordSet(Patterns);
        foreach (var word in new[] { "квитанція", "переказала", "доставка", "abcde", "aabbc" })
        {
            foreach (var typo in OneEditVariants(word))
            {
                var tokens = TokenizedText.From(typo);
                set.FindFirst(tokens).Should().Be(BruteForce(tokens), "'{0}' is one edit from '{1}'", typo, word);
            }
        }
    }

    private static KeywordHit? BruteForce(TokenizedText text)
    {
        for (var start = 0; start < text.Tokens.Count; start++)
        {
            foreach (var pattern in Patterns.Select(KeywordPattern.Parse))
            {
                if (pattern.MatchesAt(text.Tokens, start))
                {
                    return new KeywordHit(pattern.Text, start, pattern.Length);
                }
            }
        }

        return null;
    }

    private static IEnumerable<string> OneEditVariants(string word)
    {
        const string letters = "абкопрx";
        for (var i = 0; i <= word.Length; i++)
        {
            foreach (var c in letters)
            {
                yield return word.Insert(i, c.ToString());
                if (i < word.Length)
                {
                    yield return string.Concat(word.AsSpan(0, i), c.ToString(), word.AsSpan(i + 1));
                }
            }

            if (i < word.Length)
            {
                yield return word.Remove(i, 1);
            }

            if (i + 1 < word.Length)
            {
                yield return string.Concat(word.AsSpan(0, i), word[i + 1].ToString(), word[i].ToString(), word.AsSpan(i + 2));
            }
        }
    }
}
