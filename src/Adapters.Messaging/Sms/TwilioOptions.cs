using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;

namespace MonaSpark.Adapters.Messaging.Sms;

/// <summary>
/// Twilio Programmable Messaging. Section <c>MonaSpark:Twilio</c>. With <c>AccountSid</c> and
/// <c>AuthToken</c> set, SMS goes through Twilio and <c>/api/webhooks/twilio</c> verifies Twilio's
/// signatures with the auth token; without them, SMS goes to the outbox sink (when one is set).
/// Validation messages name the setting, never its value.
/// </summary>
public sealed partial class TwilioOptions : IValidatableObject
{
    public const string SectionName = "MonaSpark:Twilio";

    /// <summary>The account (<c>AC</c> and 32 hex digits).</summary>
    public string? AccountSid { get; set; }

    /// <summary>The account's auth token: it authenticates API calls and signs webhooks.</summary>
    public string? AuthToken { get; set; }

    /// <summary>The default sender when a message names none: an E.164 number, a Messaging Service SID (<c>MG…</c>) or an alphanumeric sender id.</summary>
    public string? From { get; set; }

    /// <summary>The public https URL of <c>/api/webhooks/twilio</c>, sent as every message's <c>StatusCallback</c>; empty asks for no status reports.</summary>
    public Uri? StatusCallbackUrl { get; set; }

    /// <summary>True when the credentials are set: the real provider is used.</summary>
    public bool HasCredentials => !string.IsNullOrWhiteSpace(AccountSid) && !string.IsNullOrWhiteSpace(AuthToken);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var any = !string.IsNullOrWhiteSpace(AccountSid) || !string.IsNullOrWhiteSpace(AuthToken);
        if (any && string.IsNullOrWhiteSpace(AccountSid))
        {
            yield return new ValidationResult($"{SectionName}:{nameof(AccountSid)} is required with an auth token.", [nameof(AccountSid)]);
        }
        else if (any && !AccountSidShape().IsMatch(AccountSid!))
        {
            yield return new ValidationResult($"{SectionName}:{nameof(AccountSid)} is not an account SID (AC and 32 hex digits).", [nameof(AccountSid)]);
        }

        if (any && string.IsNullOrWhiteSpace(AuthToken))
        {
            yield return new ValidationResult($"{SectionName}:{nameof(AuthToken)} is required with an account SID.", [nameof(AuthToken)]);
        }

        // Required with credentials; checked whenever it is set (the outbox sink writes it too).
        if ((any || From is not null) && !SmsAddresses.IsSender(From))
        {
            yield return new ValidationResult($"{SectionName}:{nameof(From)} must be an E.164 number, a Messaging Service SID or an alphanumeric sender id.", [nameof(From)]);
        }

        if (StatusCallbackUrl is not null && StatusCallbackUrl is not { IsAbsoluteUri: true, Scheme: "https" })
        {
            yield return new ValidationResult($"{SectionName}:{nameof(StatusCallbackUrl)} must be an absolute https URL.", [nameof(StatusCallbackUrl)]);
        }
    }

    [GeneratedRegex("^AC[0-9a-fA-F]{32}$", RegexOptions.CultureInvariant)]
    private static partial Regex AccountSidShape();
}
