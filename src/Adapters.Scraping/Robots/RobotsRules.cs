using System.Globalization;

namespace MonaSpark.Adapters.Scraping.Robots;

/// <summary>
/// The rules of one robots.txt for one user agent (RFC 9309): the group naming our product token
/// (case-insensitive) wins, else the <c>*</c> group; several groups for the same agent are merged.
/// The longest matching pattern decides (<c>*</c> and <c>$</c> supported); on a tie Allow wins.
/// </summary>
public sealed class RobotsRules
{
    private readonly List<(string Pattern, bool Allow)> _rules;

    private RobotsRules(List<(string Pattern, bool Allow)> rules, TimeSpan? crawlDelay)
    {
        _rules = rules;
        CrawlDelay = crawlDelay;
    }

    public static RobotsRules AllowAll { get; } = new([], null);

    public static RobotsRules DisallowAll { get; } = new([("/", false)], null);

    /// <summary>The group's Crawl-delay (capped at 60 s), if any.</summary>
    public TimeSpan? CrawlDelay { get; }

    public static RobotsRules Parse(string text, string productToken)
    {
        ArgumentNullException.ThrowIfNull(text);
        var ours = new Group();
        var star = new Group();
        var current = new List<Group>();
        var lastWasAgent = false;
        var matchedOurs = false;
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Split('#', 2)[0].Trim();
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                continue;
            }

            var key = line[..colon].Trim().ToLowerInvariant();
            var value = line[(colon + 1)..].Trim();
            if (key is "user-agent" or "useragent")
            {
                if (!lastWasAgent)
                {
                    current = [];
                }

                if (value == "*")
                {
                    current.Add(star);
                }
                else if (value.Length > 0 && productToken.Contains(value.Split('/')[0], StringComparison.OrdinalIgnoreCase))
                {
                    current.Add(ours);
                    matchedOurs = true;
                }

                lastWasAgent = true;
                continue;
            }

            lastWasAgent = false;
            foreach (var group in current)
            {
                group.Apply(key, value);
            }
        }

        var chosen = matchedOurs ? ours : star;
        return chosen.Rules.Count == 0 && chosen.CrawlDelay is null ? AllowAll : new RobotsRules(chosen.Rules, chosen.CrawlDelay);
    }

    /// <summary>Whether <paramref name="pathAndQuery"/> (starting with '/') may be fetched.</summary>
    public bool IsAllowed(string pathAndQuery)
    {
        if (pathAndQuery.Equals("/robots.txt", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var best = -1;
        var allowed = true;
        foreach (var (pattern, allow) in _rules)
        {
            if (Matches(pattern, pathAndQuery) && (pattern.Length > best || (pattern.Length == best && allow)))
            {
                best = pattern.Length;
                allowed = allow;
            }
        }

        return allowed;
    }

    private static bool Matches(string pattern, string path)
    {
        var anchored = pattern.EndsWith('$');
        var p = anchored ? pattern[..^1] : pattern;
        return Match(p, 0, path, 0, anchored);
    }

    private static bool Match(string p, int pi, string s, int si, bool anchored)
    {
        while (pi < p.Length)
        {
            if (p[pi] == '*')
            {
                for (var k = si; k <= s.Length; k++)
                {
                    if (Match(p, pi + 1, s, k, anchored))
                    {
                        return true;
                    }
                }

                return false;
            }

            if (si >= s.Length || p[pi] != s[si])
            {
                return false;
            }

            pi++;
            si++;
        }

        return !anchored || si == s.Length;
    }

    private sealed class Group
    {
        public List<(string Pattern, bool Allow)> Rules { get; } = [];

        public TimeSpan? CrawlDelay { get; private set; }

        public void Apply(string key, string value)
        {
            switch (key)
            {
                case "disallow" when value.Length > 0:
                    Rules.Add((value, false));
                    break;
                case "allow" when value.Length > 0:
                    Rules.Add((value, true));
                    break;
                case "crawl-delay" when double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds >= 0:
                    CrawlDelay = TimeSpan.FromSeconds(Math.Min(seconds, 60));
                    break;
                default:
                    break;
            }
        }
    }
}
