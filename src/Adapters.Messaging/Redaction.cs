using System.Text.RegularExpressions;

namespace MonaSpark.Adapters.Messaging;

/// <summary>
/// Provider error texts sometimes quote the recipient ("The 'To' number +33… is not valid",
/// "&lt;someone@example.com&gt;: mailbox unavailable"). What the adapters keep of them (a refusal's
/// reason, a log line) goes through here first, so no address or number leaves the adapter.
/// </summary>
internal static partial class Redaction
{
    /// <summary><paramref name="text"/> with e-mail addresses and phone-number-like digit runs replaced, cut to <paramref name="maxLength"/>.</summary>
    public static string Scrub(string text, int maxLength = 300)
    {
        ArgumentNullException.ThrowIfNull(text);
        var scrubbed = PhoneNumber().Replace(EmailAddress().Replace(text, "[address]"), "[number]");
        return scrubbed.Length <= maxLength ? scrubbed : scrubbed[..maxLength];
    }

    [GeneratedRegex(@"[^\s<>""'(),;:@]+@[^\s<>""'(),;:@]+", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex EmailAddress();

    // Seven or more digits, with the separators numbers are written with: never an error code (5 digits).
    [GeneratedRegex(@"\+?\d(?:[\s.()-]{0,2}\d){6,}", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex PhoneNumber();
}
