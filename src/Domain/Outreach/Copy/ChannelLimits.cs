using MonaSpark.Domain.Artists;

namespace MonaSpark.Domain.Outreach.Copy;

/// <summary>
/// The length rules of one channel, the single place they are set (docs/copywriting.md repeats them).
/// Characters are Unicode scalar values (<see cref="PlainText.Length"/>); SMS bodies are measured in
/// segments instead (<see cref="SmsSegments"/>).
/// </summary>
/// <param name="Channel">The channel.</param>
/// <param name="SubjectRequired">Whether a subject (e-mail subject, push title) is required; when false a subject is refused.</param>
/// <param name="MaxSubject">Longest subject in characters (0 when there is none).</param>
/// <param name="MaxBody">Longest body in characters (for SMS: the UCS-2 worst case of <see cref="MaxSegments"/>).</param>
/// <param name="MaxSegments">Most SMS segments a body may cost; 0 for other channels.</param>
/// <param name="FirstContactAllowed">Whether a first contact may use this channel.</param>
public sealed record ChannelLimits(
    ContactChannel Channel,
    bool SubjectRequired,
    int MaxSubject,
    int MaxBody,
    int MaxSegments,
    bool FirstContactAllowed)
{
    /// <summary>
    /// E-mail: subject 1–78 characters (RFC 5322's recommended line length, and what inboxes show),
    /// body ≤ 2,000 characters with the privacy notice (about 250 words: a first contact that reads in
    /// one screen).
    /// </summary>
    public static readonly ChannelLimits Email = new(ContactChannel.Email, true, 78, 2_000, 0, true);

    /// <summary>
    /// SMS: no subject; at most 4 segments (612 GSM-7 septets, or 268 UCS-2 code units once one
    /// character is outside the GSM alphabet, as French accents such as ê or ç are). Four, not three,
    /// because a first contact carries the Art. 14 notice and French copy is usually UCS-2.
    /// </summary>
    public static readonly ChannelLimits Sms = new(ContactChannel.Sms, false, 0, 4 * SmsSegments.Ucs2Concatenated, 4, true);

    /// <summary>Direct message (Instagram): no subject; body ≤ 1,000 characters, the Instagram messaging API's text limit.</summary>
    public static readonly ChannelLimits DirectMessage = new(ContactChannel.DirectMessage, false, 0, 1_000, 0, true);

    /// <summary>
    /// Web push: title 1–50 characters, body ≤ 150 (what browsers show without truncating). Never a
    /// first contact: push only reaches people who subscribed, and cannot carry the notice.
    /// </summary>
    public static readonly ChannelLimits WebPush = new(ContactChannel.WebPush, true, 50, 150, 0, false);

    public static ChannelLimits For(ContactChannel channel) => channel switch
    {
        ContactChannel.Email => Email,
        ContactChannel.Sms => Sms,
        ContactChannel.DirectMessage => DirectMessage,
        ContactChannel.WebPush => WebPush,
        _ => throw new ArgumentOutOfRangeException(nameof(channel), channel, "Unknown channel."),
    };

    /// <summary>True when <paramref name="body"/> (notice included) is within the limit: segments for SMS, characters otherwise.</summary>
    public bool BodyFits(string body)
    {
        ArgumentNullException.ThrowIfNull(body);
        return MaxSegments > 0 ? SmsSegments.Count(body) <= MaxSegments : PlainText.Length(body) <= MaxBody;
    }

    /// <summary>
    /// Characters a body may still use once <paramref name="reserved"/> is taken (the notice): for SMS,
    /// in the encoding <paramref name="unicode"/> says (UCS-2 when true, GSM-7 otherwise).
    /// </summary>
    public int BodyBudget(string reserved, bool unicode)
    {
        ArgumentNullException.ThrowIfNull(reserved);
        var capacity = MaxSegments == 0
            ? MaxBody
            : MaxSegments * (unicode ? SmsSegments.Ucs2Concatenated : SmsSegments.GsmConcatenated);
        return Math.Max(0, capacity - PlainText.Length(reserved));
    }
}
