using System.Globalization;
using MonaSpark.Domain.Outreach.Copy;

namespace MonaSpark.Application.Portal;

/// <summary>The sign-in e-mail's copy, in the artist's language: plain text, the link, how long it works.</summary>
public sealed partial class PortalSignIn
{
    private static string Subject(string language) => language == CopyLanguage.French ? "Votre lien de connexion MonaSpark" : "Your MonaSpark sign-in link";

    private static string Body(string language, Uri link, TimeSpan lifetime)
    {
        var minutes = ((int)lifetime.TotalMinutes).ToString(CultureInfo.InvariantCulture);
        return language == CopyLanguage.French
            ? $"Bonjour,\n\nPour ouvrir votre espace MonaSpark, suivez ce lien puis appuyez sur « Se connecter » :\n\n{link.AbsoluteUri}\n\nIl fonctionne une seule fois, pendant {minutes} minutes. Si vous n’avez rien demandé, ignorez ce message.\n"
            : $"Hello,\n\nTo open your MonaSpark account, follow this link and press \"Sign in\":\n\n{link.AbsoluteUri}\n\nIt works once, for {minutes} minutes. If you did not ask for it, ignore this message.\n";
    }
}
