namespace MonaSpark.Domain.Outreach.Copy;

/// <summary>
/// The fixed vocabulary of copy: common words that may be capitalised (a sentence start, a greeting,
/// a sign-off) without naming anything. A capitalised word outside this list, the facts, the sender
/// and the notice is a name the profile did not give: <see cref="CopyViolationCodes.InventedName"/>.
/// The function words tell the two languages apart.
/// </summary>
public static class CopyVocabulary
{
    private static readonly string[] Shared = ["OK", "PS", "P", "S", "STOP", "SMS", "DM", "Hello", "Merci", "Bravo", "Top", "Super"];

    private static readonly HashSet<string> English = Words(
        """
        a an the and but or so if as at in on of for from with to by about after before over into up out
        i me my we us our you your yours it its this that these those there here what why how when where who which
        hi hey dear good great nice thanks thank best cheers regards kind warm warmly welcome sorry congrats congratulations
        no not yes yet just only all any every each more most some many much few also still again now today soon next new free
        would could can will shall may might must let want need do does did are is was were be been have has had
        get take make see look check reply answer visit click tap read find learn discover start join try keep tell share
        happy glad love loving quick short simple ready curious interested imagine together already behind between
        however meanwhile plus then than both either neither because since while once ever never always
        unsubscribe privacy question questions stop talk chat listen hear music artist artists fans audience
        growth growing momentum following followers journey career release releases project projects team
        gdpr art whether news note
        """);

    private static readonly HashSet<string> French = Words(
        """
        a à au aux avec chez dans de des du en et ou où mais donc or ni car pour par sur sous sans vers entre après avant selon grâce
        le la les l un une ce cet cette ces c ça cela ceci il elle ils elles on nous vous votre vos notre nos je j tu ton ta tes mon ma mes
        si s quand comme comment pourquoi que qu qui quoi quel quelle quels quelles lequel oui non ne n pas plus moins très tout toute tous toutes
        chaque ici voici voilà juste seulement aussi encore déjà bientôt maintenant aujourd hui puis alors ainsi enfin ensuite sinon
        bonjour bonsoir salut coucou cher chère chers merci bravo félicitations cordialement amicalement belle bonne bien beau bel
        ravi ravie heureux heureuse prêt prête curieux curieuse envie vraiment petit petite rapide simple gratuit gratuite nouveau nouvelle prochaine prochain
        est sont être avez avons êtes serait seriez voulez pouvez souhaitez aimeriez peut peux veux fait faites
        découvrez découvrir répondez répondre cliquez visitez voyez regardez lisez essayez rejoignez commencez gardez suivez imaginez parlons écoutez
        désinscription confidentialité question questions stop musique artiste artistes fans public audience abonnés
        croissance élan parcours carrière sortie sorties projet projets équipe ensemble
        rgpd art pourquoi source sources suite suivi jetez y d m
        """);

    private static readonly HashSet<string> EnglishFunctionWords = Words("the and you your we our is are to of for with this that have hi hello");

    private static readonly HashSet<string> FrenchFunctionWords = Words("le la les et vous votre vos nous notre est sont des pour avec du une sur dans cette bonjour ici");

    /// <summary>True when <paramref name="word"/> is common vocabulary in <paramref name="language"/> (any case).</summary>
    public static bool IsCommon(string word, string language) =>
        Shared.Contains(word, StringComparer.OrdinalIgnoreCase) || (language == CopyLanguage.French ? French : English).Contains(word);

    /// <summary>The common words of <paramref name="language"/>, for a writer's instructions.</summary>
    public static IReadOnlyCollection<string> For(string language) => language == CopyLanguage.French ? French : English;

    /// <summary>How many of <paramref name="words"/> are function words of English and of French.</summary>
    public static (int English, int French) CountFunctionWords(IEnumerable<string> words)
    {
        ArgumentNullException.ThrowIfNull(words);
        var (en, fr) = (0, 0);
        foreach (var word in words)
        {
            en += EnglishFunctionWords.Contains(word) ? 1 : 0;
            fr += FrenchFunctionWords.Contains(word) ? 1 : 0;
        }

        return (en, fr);
    }

    private static HashSet<string> Words(string text) =>
        new(text.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), StringComparer.OrdinalIgnoreCase);
}
