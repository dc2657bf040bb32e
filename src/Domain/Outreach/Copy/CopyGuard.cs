using System.Text;

namespace MonaSpark.Domain.Outreach.Copy;

/// <summary>
/// The guardrails every draft passes, whoever wrote it (docs/copywriting.md): length per channel,
/// plain text safe for HTML and SMS, links only to the brief's own pages, no contact details, only
/// the profile's facts, nothing echoed from the untrusted profile text, the Art. 14 notice, and the
/// market's language. Pure: the same draft and brief always give the same violations, one per code.
/// </summary>
public static partial class CopyGuard
{
    /// <summary>How many offending words a message quotes.</summary>
    private const int MaxQuoted = 5;

    /// <summary>Every guardrail <paramref name="subject"/> and <paramref name="body"/> break for <paramref name="brief"/>; empty when the draft may be used.</summary>
    public static IReadOnlyList<CopyViolation> Check(CopyBrief brief, string subject, string body)
    {
        ArgumentNullException.ThrowIfNull(brief);
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(body);
        if (!CopyLanguage.IsSupported(brief.Language))
        {
            throw new ArgumentException($"Unsupported copy language '{brief.Language}'.", nameof(brief));
        }

        var violations = new List<CopyViolation>();
        CheckShape(brief, subject, body, violations);
        var text = $"{subject}\n{body}";
        CheckCharacters(text, violations);

        // Links and contact details are judged, then blanked so their digits and words are not judged again as facts.
        var rest = CheckLinks(brief, text, violations);
        CheckMarkup(rest, violations);
        rest = CheckContactDetails(rest, violations);
        CheckInjection(rest, violations);
        CheckFacts(brief, rest, violations);
        CheckEcho(brief, rest, violations);
        CheckLanguage(brief, $"{subject}\n{PrivacyNotice.Strip(body, brief)}", violations);
        return violations;
    }

    private static void CheckShape(CopyBrief brief, string subject, string body, List<CopyViolation> violations)
    {
        var limits = brief.Limits;
        if (brief.FirstContact && !limits.FirstContactAllowed)
        {
            violations.Add(new(CopyViolationCodes.FirstContactChannel, $"{brief.Channel} cannot carry a first contact."));
        }

        if (limits.SubjectRequired && subject.Trim().Length == 0)
        {
            violations.Add(new(CopyViolationCodes.SubjectMissing, "A subject is required on this channel."));
        }
        else if (!limits.SubjectRequired && subject.Length > 0)
        {
            violations.Add(new(CopyViolationCodes.SubjectNotAllowed, "This channel has no subject: leave it empty."));
        }

        if (PlainText.Length(subject) > limits.MaxSubject && limits.SubjectRequired)
        {
            violations.Add(new(CopyViolationCodes.SubjectTooLong, $"The subject has {PlainText.Length(subject)} characters; at most {limits.MaxSubject}."));
        }

        if (subject.Contains('\n', StringComparison.Ordinal) || subject.Contains('\r', StringComparison.Ordinal))
        {
            violations.Add(new(CopyViolationCodes.SubjectLineBreak, "The subject is one line."));
        }

        var notice = brief.Notice;
        if (notice.Length > 0 && !body.TrimEnd().EndsWith(notice, StringComparison.Ordinal))
        {
            violations.Add(new(CopyViolationCodes.NoticeMissing, "The body must end with the exact privacy notice (who writes, the sources, how to object, the unsubscribe path)."));
        }

        if (PrivacyNotice.Strip(body, brief).Trim().Length == 0)
        {
            violations.Add(new(CopyViolationCodes.EmptyBody, "The body has no message besides the notice."));
        }

        if (limits.BodyFits(body))
        {
            return;
        }

        if (limits.MaxSegments > 0)
        {
            var encoding = SmsSegments.IsGsm7(body) ? "GSM-7" : "UCS-2";
            violations.Add(new(CopyViolationCodes.SmsTooManySegments, $"The SMS needs {SmsSegments.Count(body)} {encoding} segments; at most {limits.MaxSegments}."));
        }
        else
        {
            violations.Add(new(CopyViolationCodes.BodyTooLong, $"The body has {PlainText.Length(body)} characters; at most {limits.MaxBody} with the notice."));
        }
    }

    private static void CheckCharacters(string text, List<CopyViolation> violations)
    {
        if (PlainText.HasBrokenSurrogate(text))
        {
            violations.Add(new(CopyViolationCodes.InvisibleCharacter, "The text is not valid Unicode (an unpaired surrogate)."));
            return;
        }

        var controls = text.EnumerateRunes().Where(PlainText.IsForbiddenControl).Select(Describe).Distinct().ToList();
        if (controls.Count > 0)
        {
            violations.Add(new(CopyViolationCodes.ControlCharacter, $"Control characters are not allowed (line feeds only): {string.Join(", ", controls.Take(MaxQuoted))}."));
        }

        var invisible = text.EnumerateRunes().Where(PlainText.IsInvisible).Select(Describe).Distinct().ToList();
        if (invisible.Count > 0)
        {
            violations.Add(new(CopyViolationCodes.InvisibleCharacter, $"Invisible or direction-changing characters are not allowed: {string.Join(", ", invisible.Take(MaxQuoted))}."));
        }

        if (controls.Count == 0 && invisible.Count == 0 && !text.IsNormalized(NormalizationForm.FormC))
        {
            violations.Add(new(CopyViolationCodes.NotNormalized, "The text must be in Unicode normal form C."));
        }
    }

    private static string Describe(Rune rune) => $"U+{rune.Value:X4}";

    /// <summary>Offenders quoted in a message: clean, short, distinct.</summary>
    private static string Quote(IEnumerable<string> offenders) =>
        string.Join(", ", offenders.Select(o => $"'{PlainText.Clean(o, 40)}'").Distinct(StringComparer.Ordinal).Take(MaxQuoted));

    /// <summary><paramref name="text"/> with <paramref name="start"/>..+<paramref name="length"/> replaced by spaces (positions kept).</summary>
    private static void Blank(StringBuilder text, int start, int length)
    {
        for (var i = start; i < start + length; i++)
        {
            text[i] = text[i] == '\n' ? '\n' : ' ';
        }
    }
}
