using System.ComponentModel.DataAnnotations;
using SendGrid.Helpers.EventWebhook;

namespace MonaSpark.Adapters.Messaging.Mail;

/// <summary>
/// SendGrid's v3 API and its signed Event Webhook. Section <c>MonaSpark:SendGrid</c>; the sender
/// (address and display name) is the one of <c>MonaSpark:Email</c>. Validation messages name the
/// setting, never its value.
/// </summary>
public sealed class SendGridOptions : IValidatableObject
{
    public const string SectionName = "MonaSpark:SendGrid";

    /// <summary>An API key with the Mail Send permission; empty leaves e-mail to <c>AddEmail</c> (SMTP or the outbox).</summary>
    public string? ApiKey { get; set; }

    /// <summary>
    /// The Event Webhook verification key exactly as SendGrid's settings page shows it (base64 DER of an
    /// ECDSA P-256 public key); empty registers no SendGrid webhook.
    /// </summary>
    public string? WebhookPublicKey { get; set; }

    /// <summary>Data residency of the API host: <c>global</c> (default, api.sendgrid.com) or <c>eu</c> (api.eu.sendgrid.com).</summary>
    [Required]
    [AllowedValues("global", "eu")]
    public string Region { get; set; } = "global";

    /// <summary>The category every message carries besides its campaign and variant (default <c>outreach</c>).</summary>
    [Required]
    [RegularExpression("^[\\x20-\\x7E]{1,100}$")]
    public string Category { get; set; } = "outreach";

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (ApiKey is not null && (ApiKey.Length == 0 || ApiKey.Any(char.IsWhiteSpace)))
        {
            yield return new ValidationResult($"{SectionName}:{nameof(ApiKey)} is empty or contains whitespace.", [nameof(ApiKey)]);
        }

        if (!string.IsNullOrWhiteSpace(WebhookPublicKey) && !IsVerificationKey(WebhookPublicKey))
        {
            yield return new ValidationResult($"{SectionName}:{nameof(WebhookPublicKey)} is not a base64 ECDSA P-256 public key.", [nameof(WebhookPublicKey)]);
        }
    }

    private static bool IsVerificationKey(string key)
    {
        try
        {
            return new RequestValidator().ConvertPublicKeyToECDSA(key).curve.name == "prime256v1";
        }
#pragma warning disable CA1031 // The SDK throws anything on a bad key (ArgumentException, FormatException, IndexOutOfRange...): all mean "invalid".
        catch (Exception)
#pragma warning restore CA1031
        {
            return false;
        }
    }
}
