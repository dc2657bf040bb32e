using System.Globalization;

namespace MonaSpark.Domain.Resolution;

/// <summary>
/// How likely two subjects are one artist, from the evidence they share, strongest first:
/// <list type="number">
/// <item>a platform profile (same platform and id): <see cref="SharedProfile"/>, certain;</item>
/// <item>a website or profile link, or an e-mail address: at least <see cref="SharedLinkOrEmail"/>
/// (an address is chosen by the artist and rarely shared by two);</item>
/// <item>the same <see cref="NameKey"/>: <see cref="SameName"/>, plus <see cref="SameCountry"/> when
/// both countries are known and equal or <see cref="DifferentCountry"/> when both are known and
/// differ, plus <see cref="GenreOverlap"/> × the Jaccard index of their genres. A name alone (0.6)
/// only ever reaches review; a name with the same country and a genre in common can reach an
/// automatic merge; a name in two different countries (0.3) is two artists.</item>
/// </list>
/// Different names with nothing shared score 0: country and genres never make a match on their own.
/// The result is clamped to 0–1 and rounded to three decimals, so thresholds compare exactly.
/// </summary>
public static class MatchScorer
{
    public const double SharedProfile = 1.0;
    public const double SharedLinkOrEmail = 0.95;
    public const double SameName = 0.6;
    public const double SameCountry = 0.2;
    public const double DifferentCountry = -0.3;
    public const double GenreOverlap = 0.2;

    public static MatchScore Score(MatchSubject a, MatchSubject b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var reasons = new List<string>();

        var sharedProfile = a.Profiles.FirstOrDefault(p => b.Profiles.Any(q => q.Platform == p.Platform && string.Equals(q.ExternalId, p.ExternalId, StringComparison.Ordinal)));
        if (sharedProfile is not null)
        {
            reasons.Add($"same {sharedProfile.Platform} profile");
            return new MatchScore(SharedProfile, reasons);
        }

        var shared = 0.0;
        var links = a.Links.Select(MatchKeys.Link).Intersect(b.Links.Select(MatchKeys.Link), StringComparer.Ordinal).Any();
        if (links)
        {
            shared = SharedLinkOrEmail;
            reasons.Add("same website or profile link");
        }

        if (a.Emails.Select(MatchKeys.Email).Intersect(b.Emails.Select(MatchKeys.Email), StringComparer.Ordinal).Any())
        {
            shared = SharedLinkOrEmail;
            reasons.Add("same business e-mail");
        }

        var byName = 0.0;
        if (NameKey.AreSame(a.Name, b.Name))
        {
            byName = SameName + CountryTerm(a, b, reasons) + GenreTerm(a, b, reasons);
            reasons.Insert(0, "same name (ignoring case, accents, articles and punctuation)");
        }
        else
        {
            reasons.Add("different names");
        }

        var confidence = Math.Round(Math.Clamp(Math.Max(shared, byName), 0, 1), 3);
        return new MatchScore(confidence, reasons);
    }

    private static double CountryTerm(MatchSubject a, MatchSubject b, List<string> reasons)
    {
        if (a.Country is not { } ca || b.Country is not { } cb)
        {
            reasons.Add("country unknown on one side");
            return 0;
        }

        if (ca == cb)
        {
            reasons.Add($"same country ({ca})");
            return SameCountry;
        }

        reasons.Add($"different countries ({ca} and {cb})");
        return DifferentCountry;
    }

    private static double GenreTerm(MatchSubject a, MatchSubject b, List<string> reasons)
    {
        var ga = a.Genres.Select(NameKey.Of).Where(g => g.Length > 0).ToHashSet(StringComparer.Ordinal);
        var gb = b.Genres.Select(NameKey.Of).Where(g => g.Length > 0).ToHashSet(StringComparer.Ordinal);
        if (ga.Count == 0 || gb.Count == 0)
        {
            reasons.Add("genres unknown on one side");
            return 0;
        }

        var common = ga.Intersect(gb, StringComparer.Ordinal).Count();
        var jaccard = common / (double)ga.Union(gb, StringComparer.Ordinal).Count();
        reasons.Add(common == 0
            ? "no genre in common"
            : string.Create(CultureInfo.InvariantCulture, $"{common} genre{(common == 1 ? "" : "s")} in common (overlap {jaccard:0.##})"));
        return GenreOverlap * jaccard;
    }
}
