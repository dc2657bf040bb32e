using MonaSpark.Domain.Artists;
using MonaSpark.Domain.Outreach.Copy;

namespace MonaSpark.Adapters.Copywriting.Templates;

/// <summary>French texts: plain spaces before « : ! ? » (SMS-safe), no inclusive-writing dots (not GSM).</summary>
internal static partial class TemplateCatalog
{
    private const string Fr = CopyLanguage.French;

    private static CopyTemplate[] French =>
    [
        new(Fr, ContactChannel.Email, "intro", ["Un petit bonjour de {company}", "Votre musique et {company}", "Une idée pour votre musique"], """
            {{Bonjour|Hello}} {artist},

            Ici {sender}, chez {company}.[[ Nous avons découvert votre musique sur {main_platform}, où {main_followers} personnes vous suivent.]][[ Votre univers {genre} nous a plu.]]

            {company} accompagne les artistes indépendants pour faire grandir leur public et leurs projets. {{Nous aimerions vous montrer comment.|Nous pensons pouvoir vous aider aussi.}}

            {{Voici ce que nous avons en tête|Tout est ici}} : {landing}

            {{Belle journée|Bien à vous|À bientôt}},
            {sender}, {company}
            """),
        new(Fr, ContactChannel.Email, "momentum", ["Votre élan sur {growth_platform}", "Votre élan, et la suite", "Gardez cet élan"], """
            {{Bonjour|Hello}} {artist},

            [[Votre audience sur {growth_platform} a progressé de {growth_rate} en {growth_days} jours. {{C'est le genre d'élan que nous aimons voir.|Un tel élan mérite un plan.}}]][[ Vous avez aujourd'hui {main_followers} abonnés sur {main_platform}.]]

            Ici {sender}, chez {company}. Nous accompagnons les artistes indépendants pour transformer une audience qui grandit en projet durable, et nous aimerions vous montrer comment.

            {{Jetez un œil|Découvrez notre proposition}} : {landing}

            {{Belle journée|Bien à vous}},
            {sender}, {company}
            """),
        new(Fr, ContactChannel.Email, "followup", ["Un petit suivi", "Suite à mon précédent message"], """
            {{Bonjour|Hello}} {artist},

            {{Je me permets de revenir vers vous après mon précédent message.|Un petit suivi de mon dernier message.}}[[ Vos {main_followers} abonnés sur {main_platform} sont une belle base pour construire la suite.]] Si vous souhaitez en parler, tout est ici : {landing}

            {{Merci|Bien à vous}},
            {sender}, {company}
            """),
        new(Fr, ContactChannel.Sms, "intro", [], "{{Bonjour|Hello}}[[ {artist}]] ![[ {main_followers} abonnés sur {main_platform}, bravo.]] {company} accompagne les artistes indépendants : {landing}"),
        new(Fr, ContactChannel.Sms, "momentum", [], "{{Bonjour|Hello}}[[ {artist}]] ![[ {growth_rate} sur {growth_platform} en {growth_days} jours, bel élan.]] {company} aide les artistes à le prolonger : {landing}"),
        new(Fr, ContactChannel.Sms, "followup", [], "{{Bonjour|Hello}}[[ {artist}]], petit suivi de {company} : {landing}"),
        new(Fr, ContactChannel.DirectMessage, "intro", [], """
            {{Bonjour|Hello}}[[ {artist}]] ! Ici {sender}, chez {company}.[[ Nous avons découvert votre musique sur {main_platform}, où {main_followers} personnes vous suivent.]][[ Votre univers {genre} nous a plu.]]

            {company} accompagne les artistes indépendants pour faire grandir leur public et leurs projets. {{Envie d'en savoir plus ?|Ça vous tente ?}} Voici ce que nous avons en tête : {landing}
            """),
        new(Fr, ContactChannel.DirectMessage, "momentum", [], """
            {{Bonjour|Hello}}[[ {artist}]] ![[ Votre audience sur {growth_platform} a progressé de {growth_rate} en {growth_days} jours : bel élan.]] Ici {sender}, chez {company}. Nous aidons les artistes indépendants à transformer une audience qui grandit en projet durable. Jetez un œil : {landing}
            """),
        new(Fr, ContactChannel.DirectMessage, "followup", [], """
            {{Bonjour|Hello}}[[ {artist}]], un petit suivi de mon dernier message, de la part de {company}. Si vous souhaitez en parler, tout est ici : {landing}
            """),
        new(Fr, ContactChannel.WebPush, "intro", ["Des nouvelles de {company}", "Un mot de {company}"], "{company} a quelque chose pour vous[[, {artist}]] : {landing}"),
        new(Fr, ContactChannel.WebPush, "momentum", ["Gardez cet élan"], "[[{growth_rate} sur {growth_platform} en {growth_days} jours. ]]{company} a des idées pour la suite : {landing}"),
        new(Fr, ContactChannel.WebPush, "followup", ["Un petit suivi"], "Un petit suivi de {company}[[ pour {artist}]] : {landing}"),
    ];
}
