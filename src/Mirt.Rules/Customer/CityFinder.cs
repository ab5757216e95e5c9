using Mirt.Rules.Text;

namespace Mirt.Rules.Customer;

/// <summary>
/// Finds Ukrainian city names in a message in any Ukrainian or Russian spelling and case form.
/// </summary>
internal static class CityFinder
{
    public static List<CityHit> FindAll(TokenizedText text, CustomerLexicon lexicon)
    {
        var hits = new List<CityHit>();
        foreach (var city in lexicon.Cities)
        {
            foreach (var (index, length) in city.Words.FindAll(text.Tokens))
            {
                if (!city.RequiresCapital || char.IsUpper(text.Original[text.Tokens[index].Start]))
                {
                    hits.Add(new CityHit(city.Name, index, length));
                }
            }
        }

        hits.Sort((a, b) => a.TokenIndex != b.TokenIndex ? a.TokenIndex.CompareTo(b.TokenIndex) : b.TokenCount.CompareTo(a.TokenCount));
        return hits;
    }

    public static bool[] TokenMask(IReadOnlyList<CityHit> hits, int tokenCount)
    {
        var mask = new bool[tokenCount];
        foreach (var hit in hits)
        {
            Array.Fill(mask, true, hit.TokenIndex, hit.TokenCount);
        }

        return mask;
    }
}
