namespace MonaSpark.Domain.Outreach.Copy;

/// <summary>The stable codes of <see cref="CopyViolation"/>: metric tags and API values, never renamed.</summary>
public static class CopyViolationCodes
{
    public const string EmptyBody = "empty-body";
    public const string SubjectMissing = "subject-missing";
    public const string SubjectNotAllowed = "subject-not-allowed";
    public const string SubjectTooLong = "subject-too-long";
    public const string SubjectLineBreak = "subject-line-break";
    public const string BodyTooLong = "body-too-long";
    public const string SmsTooManySegments = "sms-segments";
    public const string FirstContactChannel = "first-contact-channel";
    public const string ControlCharacter = "control-character";
    public const string InvisibleCharacter = "invisible-character";
    public const string NotNormalized = "not-normalized";
    public const string Markup = "markup";
    public const string UrlNotAllowed = "url-not-allowed";
    public const string EmailAddress = "email-address";
    public const string PhoneNumber = "phone-number";
    public const string InventedNumber = "invented-number";
    public const string InventedName = "invented-name";
    public const string InjectionEcho = "injection-echo";
    public const string UntrustedTextEcho = "untrusted-text-echo";
    public const string NoticeMissing = "notice-missing";
    public const string WrongLanguage = "wrong-language";

    /// <summary>The writer's answer could not be read as a draft (not the JSON asked for).</summary>
    public const string MalformedAnswer = "malformed-answer";

    /// <summary>The writer failed (service unavailable, timeout): no draft to judge.</summary>
    public const string WriterFailed = "writer-failed";
}
