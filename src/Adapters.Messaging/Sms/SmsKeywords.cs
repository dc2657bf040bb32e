using System.Collections.Frozen;
using System.Text;
using MonaSpark.Domain.Outreach;

namespace MonaSpark.Adapters.Messaging.Sms;

/// <summary>
/// What an inbound SMS means. The keywords carriers and Twilio honour, in English and French: a body
/// that is only <c>STOP</c>, <c>STOPALL</c>, <c>UNSUBSCRIBE</c>, <c>CANCEL</c>, <c>END</c>, <c>QUIT</c>,
/// <c>ARRET</c> or <c>ARRÊT</c> opts out; <c>START</c>, <c>UNSTOP</c> or <c>YES</c> opts back in.
/// Case, surrounding whitespace and a trailing '.' or '!' are ignored ("Stop!" is an objection too:
/// honouring it wrongly costs a lead, ignoring it costs a complaint); any other text is a reply.
/// When Twilio's Advanced Opt-Out already classified the message (<c>OptOutType</c>), that wins.
/// </summary>
internal static class SmsKeywords
{
    private static readonly FrozenSet<string> OptOut = FrozenSet.Create(StringComparer.Ordinal, "STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT", "ARRET", "ARRÊT");
    private static readonly FrozenSet<string> OptIn = FrozenSet.Create(StringComparer.Ordinal, "START", "UNSTOP", "YES");

    /// <summary>The kind of an inbound message, and the keyword when it is one (never the text of a reply).</summary>
    /// <param name="optOutType">Twilio's <c>OptOutType</c> parameter (<c>STOP</c>, <c>START</c>, <c>HELP</c>) when present.</param>
    public static (DeliveryEventKind Kind, string? Keyword) Classify(string body, string? optOutType = null)
    {
        ArgumentNullException.ThrowIfNull(body);
        if (string.Equals(optOutType, "STOP", StringComparison.OrdinalIgnoreCase))
        {
            return (DeliveryEventKind.OptedOut, Keyword(body) ?? "STOP");
        }

        if (string.Equals(optOutType, "START", StringComparison.OrdinalIgnoreCase))
        {
            return (DeliveryEventKind.OptedIn, Keyword(body) ?? "START");
        }

        var word = Normalize(body);
        return OptOut.Contains(word) ? (DeliveryEventKind.OptedOut, word)
            : OptIn.Contains(word) ? (DeliveryEventKind.OptedIn, word)
            : (DeliveryEventKind.Replied, null);
    }

    private static string? Keyword(string body)
    {
        var word = Normalize(body);
        return OptOut.Contains(word) || OptIn.Contains(word) ? word : null;
    }

    // Composed form first, so "ARRE\u0302T" (E + combining circumflex) is the same word as "ARRÊT".
    private static string Normalize(string body) =>
        body.Normalize(NormalizationForm.FormC).Trim().TrimEnd('.', '!').TrimEnd().ToUpperInvariant();
}
