using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Unicode;
using MonaSpark.Application.Landing;
using MonaSpark.Domain.Onboarding;
using MonaSpark.Edge.Assets;

namespace MonaSpark.Edge.Landing;

/// <summary>
/// The onboarding form (<c>/l/{token}/form</c>), one question per page, as plain HTML: the form posts
/// back to the server, which keeps the answers and redirects (POST-redirect-GET), so it works without
/// JavaScript and resumes when the link is opened again. The field's error is beside it, tied with
/// <c>aria-describedby</c>; what the profile already says is filled in for confirmation. Every value is
/// encoded; the CSRF token travels in a hidden field. English and French (the artist's market).
/// The enhancing script (<see cref="StaticAssets.FormScript"/>, under the page's nonce) swaps steps in
/// place and carries on offline from the form's description, a JSON data block (never executed; its
/// <c>&lt;</c>, <c>&gt;</c> and <c>&amp;</c> are escaped, so no value can close it).
/// </summary>
public static class OnboardingFormPage
{
    private const string Css =
        "form{margin-top:1.5rem}label.q,legend{display:block;font-size:1.25rem;font-weight:700;margin-bottom:.75rem}" +
        "fieldset{border:0;padding:0;margin:0}input[type=text],input[type=email],input[type=number]{width:100%;font:inherit;padding:.7rem .8rem;border:2px solid var(--soft);border-radius:.5rem;background:transparent;color:inherit}" +
        "input:focus-visible,button:focus-visible{outline:3px solid var(--accent);outline-offset:2px}" +
        ".choice{display:flex;gap:.6rem;align-items:center;padding:.7rem .8rem;border:2px solid var(--card);border-radius:.5rem;margin:.4rem 0;background:var(--card)}" +
        ".choice input{width:1.2rem;height:1.2rem}.known{color:var(--soft)}.error{color:#b00020;font-weight:700}" +
        "@media(prefers-color-scheme:dark){.error{color:#ff8a80}}" +
        ".actions{display:flex;gap:.75rem;margin-top:1.25rem}.actions button{font:inherit;padding:.75rem 1.3rem;border-radius:.6rem;border:0;cursor:pointer}" +
        ".next{background:var(--accent);color:var(--on-accent);font-weight:700}.back{background:var(--card);color:inherit}progress{width:100%;height:.5rem}" +
        ".status{max-width:40rem;margin:0 auto;padding:0 1.25rem;min-height:1.5rem;color:var(--soft)}#push{margin-top:2rem}";

    private static readonly JsonSerializerOptions DataJson = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    public static string Render(OnboardingView view, string csrfToken, string cspNonce)
    {
        ArgumentNullException.ThrowIfNull(view);
        var fr = view.Language == "fr";
        var culture = CultureInfo.GetCultureInfo(fr ? "fr-FR" : "en-GB");
        var nonce = Html.Attr(cspNonce);
        var html = new StringBuilder(12_288);
        html.Append("<!doctype html><html lang=\"").Append(fr ? "fr" : "en").Append("\"><head><meta charset=\"utf-8\">")
            .Append("<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\"><meta name=\"robots\" content=\"noindex\">")
            .Append("<meta name=\"theme-color\" content=\"").Append(StaticAssets.ThemeColor).Append("\">")
            .Append("<title>").Append(fr ? "Inscription" : "Sign up").Append(" · MonaSpark</title>").Append(StaticAssets.IconLink)
            .Append("<meta name=\"description\" content=\"").Append(fr ? "Votre inscription à MonaSpark, une question à la fois." : "Your MonaSpark sign-up, one question at a time.").Append("\">")
            .Append("<link rel=\"manifest\" href=\"").Append(Html.Attr(StaticAssets.Manifest)).Append("\">")
            .Append("<style nonce=\"").Append(nonce).Append("\">").Append(LandingPage.Css).Append(Css).Append("</style>")
            .Append("<script nonce=\"").Append(nonce).Append("\" src=\"").Append(Html.Attr(StaticAssets.FormScript)).Append("\" defer></script></head><body><main>");

        if (view.CompletedIn is { } took)
        {
            html.Append("<h1>").Append(fr ? "C’est fait, merci !" : "All done, thank you!").Append("</h1><p class=\"lede\">")
                .Append(Html.Text(fr
                    ? $"{view.ArtistName}, votre inscription est complète ({Duration(took, fr)}). Nous vous envoyons le lien de paiement."
                    : $"{view.ArtistName}, your sign-up is complete ({Duration(took, fr)}). We are sending you the payment link."))
                .Append("</p>");
            if (view.PushKey is not null)
            {
                // Shown by the script when the browser can take pushes; without script there is nothing to offer.
                html.Append("<section id=\"push\" hidden aria-labelledby=\"push-title\"><h2 id=\"push-title\">").Append(fr ? "Être prévenu·e sur cet appareil" : "Hear from us on this device").Append("</h2><p>")
                    .Append(fr ? "Une notification quand votre paiement est reçu ou qu’une nouveauté vous concerne. Vous pourrez l’arrêter à tout moment." : "A notification when your payment arrives or something new concerns you. You can turn it off at any time.")
                    .Append("</p><button class=\"cta\" type=\"button\">").Append(fr ? "Activer les notifications" : "Turn on notifications").Append("</button><p class=\"push-status\" role=\"status\"></p></section>");
            }
        }
        else
        {
            Question(html, view, csrfToken, culture, fr);
        }

        html.Append("</main><footer class=\"status\"><p id=\"form-status\" role=\"status\" aria-live=\"polite\"></p></footer>");
        if (view.State is { } state)
        {
            html.Append("<script type=\"application/json\" id=\"form-data\">")
                .Append(JsonSerializer.Serialize(Data(view, state, csrfToken, culture, fr), DataJson))
                .Append("</script>");
        }

        return html.Append("</body></html>").ToString();
    }

    private static void Question(StringBuilder html, OnboardingView view, string csrfToken, CultureInfo culture, bool fr)
    {
        var step = view.Step ?? throw new ArgumentException("A form in progress has a question.", nameof(view));
        var question = step.Question;
        var value = step.Value ?? step.Known;
        html.Append("<p class=\"lede\">").Append(Html.Text(view.ArtistName)).Append(" · ")
            .Append(Html.Text(Fill(QuestionOf(fr), ("number", step.Number.ToString(CultureInfo.InvariantCulture)), ("count", step.Count.ToString(CultureInfo.InvariantCulture)))))
            .Append("</p><progress max=\"").Append(step.Count.ToString(CultureInfo.InvariantCulture)).Append("\" value=\"").Append((step.Number - 1).ToString(CultureInfo.InvariantCulture)).Append("\"></progress>");
        html.Append("<form method=\"post\" action=\"/l/").Append(Html.Url(view.Token)).Append("/form\" novalidate>")
            .Append("<input type=\"hidden\" name=\"csrf\" value=\"").Append(Html.Attr(csrfToken)).Append("\">")
            .Append("<input type=\"hidden\" name=\"question\" value=\"").Append(Html.Attr(question.Id)).Append("\">");

        var showKnown = question.Kind != QuestionKind.Choice && step.Known is not null && step.Value is null;
        var describedBy = string.Join(' ', new[] { step.Error is null ? null : "answer-error", showKnown ? "answer-known" : null }.OfType<string>());
        var described = (step.Error is null ? string.Empty : " aria-invalid=\"true\"") + (describedBy.Length == 0 ? string.Empty : $" aria-describedby=\"{describedBy}\"");
        if (question.Kind == QuestionKind.Choice)
        {
            html.Append("<fieldset").Append(described).Append("><legend>").Append(Html.Text(Label(question.Id, fr))).Append("</legend>");
            foreach (var option in question.Options)
            {
                html.Append("<label class=\"choice\"><input type=\"radio\" name=\"answer\" value=\"").Append(Html.Attr(option)).Append('"')
                    .Append(option == value ? " checked" : string.Empty).Append("> ")
                    .Append(Html.Text(OptionText(question.Id, option, view.Plans, culture, fr))).Append("</label>");
            }

            html.Append("</fieldset>");
        }
        else
        {
            html.Append("<label class=\"q\" for=\"answer\">").Append(Html.Text(Label(question.Id, fr))).Append("</label>");
            if (showKnown)
            {
                html.Append("<p class=\"known\" id=\"answer-known\">").Append(Html.Text(Fill(KnownOf(fr), ("value", step.Known!)))).Append("</p>");
            }

            var (type, autocomplete) = InputOf(question);
            html.Append("<input id=\"answer\" name=\"answer\" type=\"").Append(type).Append("\" autocomplete=\"").Append(autocomplete).Append("\" maxlength=\"")
                .Append(question.MaxLength.ToString(CultureInfo.InvariantCulture)).Append("\" required value=\"").Append(Html.Attr(value)).Append('"');
            if (question.Kind == QuestionKind.Number)
            {
                html.Append(" min=\"").Append(question.Min.ToString(CultureInfo.InvariantCulture)).Append("\" max=\"").Append(question.Max.ToString(CultureInfo.InvariantCulture)).Append("\" inputmode=\"numeric\"");
            }

            html.Append(described).Append('>');
        }

        if (step.Error is { } error)
        {
            html.Append("<p class=\"error\" id=\"answer-error\" role=\"alert\">").Append(Html.Text(ErrorText(error, question, fr))).Append("</p>");
        }

        html.Append("<div class=\"actions\"><button class=\"next\" type=\"submit\">").Append(NextOf(fr)).Append("</button>");
        if (step.Number > 1)
        {
            html.Append("<button class=\"back\" type=\"submit\" name=\"back\" value=\"1\" formnovalidate>").Append(BackOf(fr)).Append("</button>");
        }

        html.Append("</div></form>");
    }

    /// <summary>The form's description for the enhancing script: every question with its branch and texts, the answers held, what the profile says.</summary>
    private static JsonObject Data(OnboardingView view, OnboardingState state, string csrfToken, CultureInfo culture, bool fr)
    {
        var token = Uri.EscapeDataString(view.Token);
        var questions = new JsonArray();
        foreach (var question in state.Questions)
        {
            var (type, autocomplete) = InputOf(question);
            var options = new JsonArray();
            foreach (var option in question.Options)
            {
                options.Add(new JsonObject { ["value"] = option, ["text"] = OptionText(question.Id, option, view.Plans, culture, fr) });
            }

            var errors = new JsonObject();
            foreach (var code in ErrorCodes)
            {
                errors[code] = ErrorText(code, question, fr);
            }

            questions.Add(new JsonObject
            {
                ["id"] = question.Id,
                ["kind"] = question.Kind.ToString().ToLowerInvariant(),
                ["label"] = Label(question.Id, fr),
                ["type"] = type,
                ["autocomplete"] = autocomplete,
                ["options"] = options,
                ["when"] = question.AskedWhen is { } when ? new JsonObject { ["id"] = when.Id, ["value"] = when.Value } : null,
                ["min"] = question.Min,
                ["max"] = question.Max,
                ["maxLength"] = question.MaxLength,
                ["errors"] = errors,
            });
        }

        return new JsonObject
        {
            ["action"] = $"/l/{token}/form",
            ["csrf"] = csrfToken,
            ["name"] = view.ArtistName,
            ["worker"] = StaticAssets.WorkerPath,
            ["questions"] = questions,
            ["answers"] = ToJson(state.Answers),
            ["known"] = ToJson(state.Known),
            ["push"] = view.PushKey is { } key ? new JsonObject { ["key"] = key, ["url"] = $"/l/{token}/push" } : null,
            ["text"] = new JsonObject
            {
                ["next"] = NextOf(fr),
                ["back"] = BackOf(fr),
                ["question"] = QuestionOf(fr),
                ["known"] = KnownOf(fr),
                ["offline"] = fr ? "Vous êtes hors ligne. Vos réponses sont gardées sur cet appareil et partiront dès le retour du réseau." : "You are offline. Your answers are kept on this device and sent as soon as you are back online.",
                ["retrying"] = fr ? "Envoi impossible pour l’instant : vos réponses sont gardées, nouvel essai dans quelques secondes." : "Cannot send right now: your answers are kept and we try again in a few seconds.",
                ["synced"] = fr ? "De retour en ligne : vos réponses sont envoyées." : "Back online: your answers are sent.",
                ["stale"] = fr ? "Cette page n’est plus à jour : rechargez-la." : "This page is out of date: please reload it.",
                ["failed"] = fr ? "Une erreur est survenue : rechargez la page." : "Something went wrong: please reload the page.",
                ["savedTitle"] = fr ? "Réponses gardées sur cet appareil" : "Your answers are saved on this device",
                ["savedBody"] = fr ? "Nous les enverrons dès le retour du réseau ; vous pouvez fermer cette page." : "We will send them as soon as you are back online; you can close this page.",
                ["pushDone"] = fr ? "C’est noté : les notifications sont activées." : "Done: notifications are on.",
                ["pushDenied"] = fr ? "Les notifications sont bloquées dans ce navigateur." : "Notifications are blocked in this browser.",
                ["pushFailed"] = fr ? "Impossible d’activer les notifications pour l’instant." : "Notifications could not be turned on right now.",
            },
        };
    }

    private static readonly string[] ErrorCodes = ["required", "too-long", "characters", "choice", "number", "email", "country", "other"];

    private static JsonObject ToJson(IReadOnlyDictionary<string, string> values)
    {
        var json = new JsonObject();
        foreach (var (key, value) in values.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            json[key] = value;
        }

        return json;
    }

    private static (string Type, string Autocomplete) InputOf(Question question) => question.Kind switch
    {
        QuestionKind.Email => ("email", "email"),
        QuestionKind.Number => ("number", "off"),
        QuestionKind.Country => ("text", "country"),
        QuestionKind.Choice => ("radio", "off"),
        _ => ("text", question.Id == OnboardingQuestions.Name ? "nickname" : "off"),
    };

    private static string NextOf(bool fr) => fr ? "Continuer" : "Continue";

    private static string BackOf(bool fr) => fr ? "Retour" : "Back";

    private static string QuestionOf(bool fr) => fr ? "Question {number} sur {count}" : "Question {number} of {count}";

    private static string KnownOf(bool fr) => fr ? "D’après votre profil : {value}. Corrigez si besoin." : "From your profile: {value}. Change it if it is not right.";

    private static string Fill(string template, params (string Name, string Value)[] values)
    {
        foreach (var (name, value) in values)
        {
            template = template.Replace("{" + name + "}", value, StringComparison.Ordinal);
        }

        return template;
    }

    private static string Label(string id, bool fr) => (id, fr) switch
    {
        (OnboardingQuestions.Name, false) => "What name do you perform under?",
        (OnboardingQuestions.Name, true) => "Sous quel nom vous produisez-vous ?",
        (OnboardingQuestions.Act, false) => "Solo artist or band?",
        (OnboardingQuestions.Act, true) => "Artiste solo ou groupe ?",
        (OnboardingQuestions.Members, false) => "How many members?",
        (OnboardingQuestions.Members, true) => "Combien de membres ?",
        (OnboardingQuestions.Deal, false) => "Signed or independent?",
        (OnboardingQuestions.Deal, true) => "Signé·e ou indépendant·e ?",
        (OnboardingQuestions.Label, false) => "Which label?",
        (OnboardingQuestions.Label, true) => "Quel label ?",
        (OnboardingQuestions.Genre, false) => "Your main genre?",
        (OnboardingQuestions.Genre, true) => "Votre genre principal ?",
        (OnboardingQuestions.Country, false) => "Where are you based? (two-letter country code, like GB)",
        (OnboardingQuestions.Country, true) => "Où êtes-vous basé·e ? (code pays à deux lettres, comme FR)",
        (OnboardingQuestions.Goal, false) => "What matters most to you in the next three months?",
        (OnboardingQuestions.Goal, true) => "Qu’est-ce qui compte le plus pour vous dans les trois prochains mois ?",
        (OnboardingQuestions.Email, false) => "Where should we write to you?",
        (OnboardingQuestions.Email, true) => "À quelle adresse vous écrire ?",
        (OnboardingQuestions.Plan, false) => "Choose your plan",
        (OnboardingQuestions.Plan, true) => "Choisissez votre formule",
        _ => id,
    };

    private static string OptionText(string questionId, string option, IReadOnlyList<PlanChoice> plans, CultureInfo culture, bool fr)
    {
        if (questionId == OnboardingQuestions.Plan)
        {
            var plan = plans.FirstOrDefault(p => p.Id == option);
            return plan is null ? option : $"{plan.Name}: {Prices.Amount(plan.Price, culture)} {Prices.Per(plan.Period, fr)}";
        }

        return (option, fr) switch
        {
            ("solo", false) => "Solo artist",
            ("solo", true) => "Artiste solo",
            ("band", false) => "Band",
            ("band", true) => "Groupe",
            ("independent", false) => "Independent",
            ("independent", true) => "Indépendant·e",
            ("signed", false) => "Signed to a label",
            ("signed", true) => "Signé·e sur un label",
            ("streams", false) => "More streams",
            ("streams", true) => "Plus d’écoutes",
            ("fans", false) => "More fans who stay",
            ("fans", true) => "Plus de fans fidèles",
            ("shows", false) => "More shows",
            ("shows", true) => "Plus de concerts",
            ("press", false) => "Press and playlists",
            ("press", true) => "Presse et playlists",
            _ => option,
        };
    }

    private static string ErrorText(string error, Question question, bool fr) => (error, fr) switch
    {
        ("required", false) => "Please answer to continue.",
        ("required", true) => "Répondez pour continuer.",
        ("too-long", false) => $"Keep it under {question.MaxLength} characters.",
        ("too-long", true) => $"{question.MaxLength} caractères au plus.",
        ("choice", false) => "Pick one of the options.",
        ("choice", true) => "Choisissez une des options.",
        ("number", false) => $"Enter a number from {question.Min} to {question.Max}.",
        ("number", true) => $"Indiquez un nombre de {question.Min} à {question.Max}.",
        ("email", false) => "Enter an e-mail address, like name@example.com.",
        ("email", true) => "Indiquez une adresse e-mail, comme nom@exemple.fr.",
        ("country", false) => "Enter a two-letter country code, like GB or FR.",
        ("country", true) => "Indiquez un code pays à deux lettres, comme FR ou BE.",
        (_, false) => "This answer cannot be used: please check it.",
        _ => "Cette réponse n’est pas utilisable : vérifiez-la.",
    };

    private static string Duration(TimeSpan took, bool fr) =>
        took.TotalMinutes >= 1
            ? (fr ? $"{(int)took.TotalMinutes} min {took.Seconds} s" : $"{(int)took.TotalMinutes} min {took.Seconds} s")
            : $"{Math.Max(1, took.Seconds)} s";
}
