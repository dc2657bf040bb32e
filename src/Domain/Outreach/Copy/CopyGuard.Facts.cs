using System.Globalization;
using System.Text.RegularExpressions;

namespace MonaSpark.Domain.Outreach.Copy;

/// <summary>Truth: only the profile's facts, nothing repeated from the untrusted profile text, the market's language.</summary>
public static partial class CopyGuard
{
    /// <summary>Words in a row shared with the profile text that make an echo.</summary>
    public const int EchoWords = 8;

    /// <summary>
    /// Every number must be one the facts, the sender or the notice carry; every capitalised word must
    /// be one of theirs or common vocabulary. Anything else is a fact the profile did not give.
    /// </summary>
    private static void CheckFacts(CopyBrief brief, string text, List<CopyViolation> violations)
    {
        var trusted = TrustedText(brief);
        var numbers = Numbers().Matches(trusted).Select(m => Canonical(m.Value).Value).ToHashSet(StringComparer.Ordinal);
        var words = Words().Matches(trusted).Select(m => m.Value).ToHashSet(StringComparer.OrdinalIgnoreCase);

        var phones = new List<string>();
        var invented = new List<string>();
        foreach (Match match in Numbers().Matches(text))
        {
            var (value, grouped, digits) = Canonical(match.Value);
            if (numbers.Contains(value))
            {
                continue;
            }

            (!grouped && (digits >= 7 || (match.Value.StartsWith('+') && digits >= 6)) ? phones : invented).Add(match.Value.Trim());
        }

        invented.AddRange(NumberWords().Matches(text).Select(m => m.Value).Where(w => !words.Contains(w)));
        if (phones.Count > 0)
        {
            violations.Add(new(CopyViolationCodes.PhoneNumber, "Phone numbers are not allowed in copy."));
        }

        if (invented.Count > 0)
        {
            violations.Add(new(CopyViolationCodes.InventedNumber, $"Numbers must come from the facts; not in them: {Quote(invented)}."));
        }

        var names = Words().Matches(text).Select(m => m.Value)
            .Where(w => w.Any(char.IsUpper) && !words.Contains(w) && !CopyVocabulary.IsCommon(w, brief.Language))
            .ToList();
        if (names.Count > 0)
        {
            violations.Add(new(CopyViolationCodes.InventedName, $"Names must come from the facts or the sender; not in them: {Quote(names)}."));
        }
    }

    /// <summary>Eight words in a row from the untrusted profile text (and not from the facts) are an echo.</summary>
    private static void CheckEcho(CopyBrief brief, string text, List<CopyViolation> violations)
    {
        var profile = Shingles(brief.ProfileText);
        if (profile.Count == 0)
        {
            return;
        }

        profile.ExceptWith(Shingles(TrustedText(brief)));
        if (Shingles(text).Overlaps(profile))
        {
            violations.Add(new(CopyViolationCodes.UntrustedTextEcho, $"The draft repeats {EchoWords} or more words of the profile text; state only the facts, in your own words."));
        }
    }

    /// <summary>The other language's function words outnumber the brief's (with at least three of them).</summary>
    private static void CheckLanguage(CopyBrief brief, string content, List<CopyViolation> violations)
    {
        var (en, fr) = CopyVocabulary.CountFunctionWords(Words().Matches(content).Select(m => m.Value));
        var (expected, other) = brief.Language == CopyLanguage.French ? (fr, en) : (en, fr);
        if (other >= 3 && other > expected)
        {
            var name = brief.Language == CopyLanguage.French ? "French" : "English";
            violations.Add(new(CopyViolationCodes.WrongLanguage, $"Write in {name}, the language of the artist's market."));
        }
    }

    /// <summary>What a draft may take names and numbers from: the facts, the sender and the notice (links blanked).</summary>
    private static string TrustedText(CopyBrief brief)
    {
        var notice = brief.Links.All.Aggregate(brief.Notice, (text, link) => text.Replace(link, " ", StringComparison.Ordinal));
        return string.Join('\n', brief.Facts.Values.Append(brief.Sender.Company).Append(brief.Sender.Name).Append(notice));
    }

    /// <summary>
    /// A number's value as compared: groups of three after a separator are thousands (13,800 = 13 800 =
    /// 13800); one separator before other than three digits is a decimal point (12,5 = 12.5); any other
    /// run of digits and separators (a phone number) is its digits. <c>Grouped</c> is true for the first
    /// two forms: written as a quantity, not as a phone number.
    /// </summary>
    private static (string Value, bool Grouped, int Digits) Canonical(string number)
    {
        var groups = new List<string>();
        var separators = new List<char>();
        var current = new System.Text.StringBuilder();
        foreach (var c in number.TrimStart('+'))
        {
            if (CharUnicodeInfo.GetDecimalDigitValue(c) is var digit and >= 0)
            {
                current.Append((char)('0' + digit));
            }
            else
            {
                groups.Add(current.ToString());
                separators.Add(c);
                current.Clear();
            }
        }

        groups.Add(current.ToString());
        var digits = groups.Sum(g => g.Length);
        if (groups.Count == 1)
        {
            return (groups[0], false, digits);
        }

        if (groups[0].Length <= 3 && groups.Skip(1).All(g => g.Length == 3) && separators.Distinct().Count() == 1)
        {
            return (string.Concat(groups), true, digits);
        }

        return groups.Count == 2 && separators[0] is '.' or ','
            ? ($"{groups[0]}.{groups[1]}", true, digits)
            : (string.Concat(groups), false, digits);
    }

    private static HashSet<string> Shingles(string text)
    {
        var tokens = Tokens().Matches(text).Select(m => m.Value.ToUpperInvariant()).ToList();
        var shingles = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i + EchoWords <= tokens.Count; i++)
        {
            shingles.Add(string.Join(' ', tokens.Skip(i).Take(EchoWords)));
        }

        return shingles;
    }

    // Digits with single separators between groups: 13,800 · 13 800 · 12.5 · +33 6 12 34 56 78.
    [GeneratedRegex(@"(?<!\d)\+?\d+(?:[.,\u00A0\u202F \-]\d+)*", RegexOptions.CultureInvariant, Timeout)]
    private static partial Regex Numbers();

    // Words of letters (and combining marks): "Zélie", "d", "Ivoire"; digits are numbers, apart.
    [GeneratedRegex(@"\p{L}[\p{L}\p{M}]*", RegexOptions.CultureInvariant, Timeout)]
    private static partial Regex Words();

    [GeneratedRegex(@"[\p{L}\p{N}][\p{L}\p{M}\p{N}]*", RegexOptions.CultureInvariant, Timeout)]
    private static partial Regex Tokens();

    // Quantities written out, English and French, from two ("one"/"un" are too often not numbers).
    [GeneratedRegex(
        @"\b(?:hundreds?|thousands?|millions?|billions?|dozens?|mille|milliers?|milliards?|centaines?|dizaines?"
        + @"|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
        + @"|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
        + @"|deux|trois|quatre|cinq|sept|huit|dix|onze|douze|treize|quatorze|quinze|seize|vingts?|trente|quarante|cinquante|soixante)\b",
        Options,
        Timeout)]
    private static partial Regex NumberWords();
}
