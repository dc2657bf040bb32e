using MonaSpark.Domain.Artists;
using MonaSpark.Domain.Sources;

namespace MonaSpark.Domain.Outreach.Copy;

/// <summary>
/// The GDPR Art. 14 notice that closes every message. A first contact says who is writing (company
/// and sender), where the data came from (the public platforms), that the data is used only to make
/// this contact, how to object, and carries the unsubscribe path: the link on e-mail and DM, the STOP
/// reply on SMS (the full notice is on the landing page, a layered notice). Later messages carry the
/// opt-out line. Web push has none: it reaches only subscribers and is never a first contact.
/// <see cref="CopyGuard"/> requires the exact text at the end of the body; writers call
/// <see cref="AppendTo"/>.
/// </summary>
public static class PrivacyNotice
{
    /// <summary>The notice <paramref name="brief"/>'s draft must end with (empty for web push).</summary>
    public static string For(CopyBrief brief)
    {
        ArgumentNullException.ThrowIfNull(brief);
        var fr = brief.Language == CopyLanguage.French;
        var sender = brief.Sender;
        var link = brief.Links.Unsubscribe.AbsoluteUri;
        var sources = Sources(brief.Sources, fr);
        return (brief.Channel, brief.FirstContact, fr) switch
        {
            (ContactChannel.WebPush, _, _) => string.Empty,
            (ContactChannel.Sms, true, false) => $"{sender.Name}, {sender.Company}. We found your public profile {sources}. Reply STOP to object or opt out.",
            (ContactChannel.Sms, true, true) => $"{sender.Name}, {sender.Company}. Profil public trouvé {sources}. STOP pour vous opposer ou vous désinscrire.",
            (ContactChannel.Sms, false, false) => "Reply STOP to opt out.",
            (ContactChannel.Sms, false, true) => "STOP pour vous désinscrire.",
            (_, true, false) =>
                $"--\nWhy this message: {sender.Name} from {sender.Company} found your public artist profile {sources}. "
                + $"We use this public professional information only to contact you (GDPR, Art. 14). "
                + $"You can object at any time and have your data erased: {link}",
            (_, true, true) =>
                $"--\nPourquoi ce message : {sender.Name} de {sender.Company} a trouvé votre profil d'artiste public {sources}. "
                + $"Nous utilisons ces informations professionnelles publiques uniquement pour vous contacter (RGPD, art. 14). "
                + $"Vous pouvez vous y opposer à tout moment et faire effacer vos données : {link}",
            (_, false, false) => $"--\nTo stop these messages or object to the use of your public profile: {link}",
            (_, false, true) => $"--\nPour ne plus recevoir de messages ou vous opposer à l'utilisation de votre profil public : {link}",
        };
    }

    /// <summary><paramref name="body"/> followed by the notice of <paramref name="brief"/>.</summary>
    public static string AppendTo(string body, CopyBrief brief)
    {
        ArgumentNullException.ThrowIfNull(body);
        var notice = For(brief);
        if (notice.Length == 0)
        {
            return body.Trim();
        }

        var separator = brief.Channel == ContactChannel.Sms ? "\n" : "\n\n";
        return body.Trim().Length == 0 ? notice : body.Trim() + separator + notice;
    }

    /// <summary>The body without its notice, when it ends with it.</summary>
    public static string Strip(string body, CopyBrief brief)
    {
        ArgumentNullException.ThrowIfNull(body);
        var notice = For(brief);
        var trimmed = body.TrimEnd();
        return notice.Length > 0 && trimmed.EndsWith(notice, StringComparison.Ordinal) ? trimmed[..^notice.Length].TrimEnd() : trimmed;
    }

    private static string Sources(IReadOnlyList<SourceKind> sources, bool fr)
    {
        var names = sources.Where(s => s != SourceKind.Web).Select(CopyFacts.PlatformName).ToList();
        if (sources.Contains(SourceKind.Web))
        {
            names.Add(fr ? "le web" : "the web");
        }

        if (names.Count == 0)
        {
            return fr ? "dans des sources publiques" : "in public sources";
        }

        var joined = names.Count == 1 ? names[0] : $"{string.Join(", ", names[..^1])}{(fr ? " et " : " and ")}{names[^1]}";
        return fr ? $"sur {joined}" : $"on {joined}";
    }
}
