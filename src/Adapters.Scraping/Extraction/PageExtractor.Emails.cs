using System.Net.Mail;
using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace MonaSpark.Adapters.Scraping.Extraction;

public static partial class PageExtractor
{
    /// <summary>Words that mark a business address, in the text just before it or in its local part.</summary>
    private static readonly string[] BusinessWords = ["booking", "contact", "management", "mgmt", "manager", "press", "agent", "agency", "enquir", "inquir", "label", "promo", "presse", "tourn"];

    private static readonly string[] RoleLocalParts = ["booking", "bookings", "contact", "management", "mgmt", "press", "presse", "info", "hello", "hi", "team", "agent", "agency", "promo", "pr", "label", "office", "tour", "live", "bookings", "manager", "enquiries", "inquiries"];

    /// <summary>Free mail providers: an address there whose local part is not a role looks personal.</summary>
    private static readonly string[] FreeMailDomains =
    [
        "gmail.com", "googlemail.com", "hotmail.com", "hotmail.fr", "hotmail.co.uk", "outlook.com", "outlook.fr", "live.com", "live.fr",
        "yahoo.com", "yahoo.fr", "yahoo.co.uk", "icloud.com", "me.com", "mac.com", "aol.com", "gmx.com", "gmx.de", "gmx.fr", "web.de",
        "orange.fr", "wanadoo.fr", "free.fr", "laposte.net", "sfr.fr", "protonmail.com", "proton.me",
    ];

    /// <summary>
    /// Business contact addresses (docs/web-record-format.md): every <c>mailto:</c> link, the JSON-LD
    /// <c>email</c>, and addresses in the visible text with a business word (booking, contact,
    /// management, press, agent…) within 80 characters before them. An address is dropped as personal
    /// when it is on a free mail provider and its local part holds no role word
    /// (<c>luna.vale.private@gmail.com</c> goes, <c>bookings.lunavale@gmail.com</c> stays);
    /// <c>noreply</c> addresses are dropped too. Role addresses come first.
    /// </summary>
    private static IReadOnlyList<string> Emails(IDocument document, JsonLd.Artist? artist)
    {
        var candidates = new List<string>();
        foreach (var anchor in document.QuerySelectorAll("a[href^='mailto:' i]"))
        {
            var address = Uri.UnescapeDataString(anchor.GetAttribute("href")![7..].Split('?', 2)[0]).Split(',')[0];
            candidates.Add(address);
        }

        if (artist?.Email is { } jsonEmail)
        {
            candidates.Add(jsonEmail.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase) ? jsonEmail[7..] : jsonEmail);
        }

        var text = Deobfuscate(VisibleText(document.Body));
        foreach (Match match in EmailPattern().Matches(text))
        {
            // Context is the same line or block, at most 80 characters back: "Booking: x@y" counts, a heading three paragraphs up does not.
            var before = text[Math.Max(0, match.Index - 80)..match.Index];
            before = before[(before.LastIndexOf('\n') + 1)..];
            if (BusinessWords.Any(w => before.Contains(w, StringComparison.OrdinalIgnoreCase)))
            {
                candidates.Add(match.Value);
            }
        }

        return [.. candidates
            .Select(c => c.Trim().TrimEnd('.'))
            .Where(IsBusinessAddress)
            .Select(c => c.ToLowerInvariant())
            .Distinct(StringComparer.Ordinal)
            .OrderBy(c => IsRole(c) ? 0 : 1)
            .Take(MaxEmails)];
    }

    private static bool IsBusinessAddress(string candidate)
    {
        if (candidate.Length > 254 || !MailAddress.TryCreate(candidate, out var address) || address.Address != candidate
            || !address.Host.Contains('.', StringComparison.Ordinal) || address.DisplayName.Length > 0)
        {
            return false;
        }

        var local = address.User.ToLowerInvariant();
        if (local.Contains("noreply", StringComparison.Ordinal) || local.Contains("no-reply", StringComparison.Ordinal))
        {
            return false;
        }

        var freeMail = FreeMailDomains.Contains(address.Host.ToLowerInvariant(), StringComparer.Ordinal);
        return !freeMail || IsRole(candidate);
    }

    /// <summary>A local part with a role word as one of its tokens: <c>booking@</c>, <c>bookings.honeydunes@</c>, <c>luna-mgmt@</c>.</summary>
    private static bool IsRole(string address) =>
        address.Split('@')[0].ToLowerInvariant().Split('.', '-', '_', '+').Any(token => RoleLocalParts.Contains(token, StringComparer.Ordinal));

    /// <summary>"booking [at] lunavale [dot] com" → "booking@lunavale.com".</summary>
    private static string Deobfuscate(string text) => ObfuscatedDot().Replace(ObfuscatedAt().Replace(text, "@"), ".");

    [GeneratedRegex(@"[A-Za-z0-9](?:[A-Za-z0-9._%+-]{0,63})@[A-Za-z0-9](?:[A-Za-z0-9-]{0,62})(?:\.[A-Za-z0-9-]{1,63})*\.[A-Za-z]{2,24}", RegexOptions.CultureInvariant, 200)]
    private static partial Regex EmailPattern();

    [GeneratedRegex(@"\s*[\[\(]\s*at\s*[\]\)]\s*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 200)]
    private static partial Regex ObfuscatedAt();

    [GeneratedRegex(@"\s*[\[\(]\s*dot\s*[\]\)]\s*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 200)]
    private static partial Regex ObfuscatedDot();
}
