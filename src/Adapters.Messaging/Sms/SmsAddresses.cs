using System.Text.RegularExpressions;

namespace MonaSpark.Adapters.Messaging.Sms;

/// <summary>The shapes an SMS address takes: an E.164 number, a Twilio Messaging Service SID, an alphanumeric sender id.</summary>
internal static partial class SmsAddresses
{
    /// <summary>E.164: '+', a country code that does not start with 0, at most 15 digits in all.</summary>
    public static bool IsE164(string? value) => value is not null && E164().IsMatch(value);

    /// <summary>A Messaging Service SID (<c>MG</c> and 32 hex digits): Twilio picks the number from the service's pool.</summary>
    public static bool IsMessagingServiceSid(string? value) => value is not null && MessagingServiceSid().IsMatch(value);

    /// <summary>An alphanumeric sender id (1–11 letters, digits or spaces, at least one letter), allowed in France and most of Europe.</summary>
    public static bool IsAlphanumericSenderId(string? value) => value is not null && AlphanumericSenderId().IsMatch(value);

    /// <summary>Anything Twilio takes as the sender of a message.</summary>
    public static bool IsSender(string? value) => IsE164(value) || IsMessagingServiceSid(value) || IsAlphanumericSenderId(value);

    [GeneratedRegex(@"^\+[1-9][0-9]{6,14}$", RegexOptions.CultureInvariant)]
    private static partial Regex E164();

    [GeneratedRegex("^MG[0-9a-fA-F]{32}$", RegexOptions.CultureInvariant)]
    private static partial Regex MessagingServiceSid();

    [GeneratedRegex("^(?=.*[A-Za-z])[A-Za-z0-9 ]{1,11}$", RegexOptions.CultureInvariant)]
    private static partial Regex AlphanumericSenderId();
}
