using Mirt.Prompts.Checking;

namespace Mirt.Prompts.Linting;

/// <summary>Finds the static partial names a template includes, once per <c>{{&gt; name}}</c> tag.</summary>
internal static class PartialReferences
{
    /// <summary>Lists the partial names in <paramref name="text"/> in order; dynamic partials are skipped.</summary>
    public static IEnumerable<string> In(string text)
    {
        foreach (var token in MustacheTokenizer.Tokenize(text, out var _))
        {
            if (token.Kind is not (MustacheKind.Partial or MustacheKind.PartialBlockOpen))
            {
                continue;
            }

            var name = token.Body.Split(' ', 2)[0].Trim('"', '\'');
            if (name.Length > 0 && name[0] is not '(' and not '@')
            {
                yield return name;
            }
        }
    }
}
