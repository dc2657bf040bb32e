using System.Globalization;
using System.Text;

namespace MonaSpark.Domain.Resolution;

/// <summary>
/// The normalised form of an artist name used to find candidates that may be the same artist
/// under a different spelling: "The Black Keys", "Black Keys" and "BLACK KEYS!" share one key, as do
/// "Simon &amp; Garfunkel" and "Simon and Garfunkel", "L'Impératrice" and "Imperatrice".
/// </summary>
/// <remarks>
/// Steps, in order: fold compatibility forms (full-width letters, ligatures) and lower-case; drop
/// diacritics and spell out letters that have no decomposition (ø, ß, æ, œ, ł, đ, þ); drop
/// apostrophes without splitting the word ("Guns N' Roses" → "guns n roses"), except that a leading
/// French <c>l'</c> elision is an article; turn every other punctuation or symbol into a space; drop
/// the connectives "&amp;", "+", "and", "et", "und"; drop one leading article (EN the; FR le, la, les;
/// ES el, la, los, las; DE der, die, das); collapse whitespace. The key never becomes empty: a name
/// made only of punctuation ("!!!") or only of an article ("The The" keeps "the") keeps what it has.
/// </remarks>
public static class NameKey
{
    private static readonly HashSet<string> LeadingArticles = new(StringComparer.Ordinal)
    {
        "the", "le", "la", "les", "el", "los", "las", "der", "die", "das",
    };

    private static readonly HashSet<string> Connectives = new(StringComparer.Ordinal) { "and", "et", "und" };

    /// <summary>The key of <paramref name="name"/>; an empty or blank name has the empty key.</summary>
    public static string Of(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return "";
        }

        var folded = Fold(name);
        var words = Words(folded);
        if (words.Count > 1 && LeadingArticles.Contains(words[0]))
        {
            words.RemoveAt(0);
        }

        var key = string.Join(' ', words);
        if (key.Length > 0)
        {
            return key;
        }

        // Only punctuation: "!!!" is still a name, and two "!!!" are the same one.
        return string.Join(' ', folded.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }

    /// <summary>True when both names have the same non-empty key.</summary>
    public static bool AreSame(string? a, string? b)
    {
        var key = Of(a);
        return key.Length > 0 && string.Equals(key, Of(b), StringComparison.Ordinal);
    }

    private static string Fold(string name)
    {
        var decomposed = name.Normalize(NormalizationForm.FormKD).ToLowerInvariant();
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark)
            {
                continue;
            }

            builder.Append(c switch
            {
                'ø' => "o",
                'ß' => "ss",
                'æ' => "ae",
                'œ' => "oe",
                'ł' => "l",
                'đ' or 'ð' => "d",
                'þ' => "th",
                'ı' => "i",
                '’' or '‘' or 'ʼ' or '`' or '´' => "'",
                _ => c.ToString(),
            });
        }

        return builder.ToString().Normalize(NormalizationForm.FormC);
    }

    private static List<string> Words(string folded)
    {
        var text = folded.TrimStart();

        // "l'impératrice": the elided article is glued to the word, so it is removed before apostrophes go.
        if (text.StartsWith("l'", StringComparison.Ordinal) && text.Length > 2 && char.IsLetterOrDigit(text[2]))
        {
            text = text[2..];
        }

        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c == '\'')
            {
                continue;
            }

            builder.Append(char.IsLetterOrDigit(c) ? c : ' ');
        }

        return builder.ToString()
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Where(w => !Connectives.Contains(w))
            .ToList();
    }
}
