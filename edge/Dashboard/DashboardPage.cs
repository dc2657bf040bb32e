using System.Globalization;
using System.Text;
using MonaSpark.Application.Lookalikes;
using MonaSpark.Application.Ports;
using MonaSpark.Application.Queries;
using MonaSpark.Domain.Outreach;

namespace MonaSpark.Edge.Dashboard;

/// <summary>
/// The team dashboard: pipeline figures, quarantine by reason, the top leads with their
/// explanation, the scoring models in their roles, the artists most like the customers and the outbox. Server-rendered, no script, one inline stylesheet allowed by a nonce.
/// </summary>
public static class DashboardPage
{
    public static string Render(DashboardModel model, string cspNonce)
    {
        ArgumentNullException.ThrowIfNull(model);
        var inv = CultureInfo.InvariantCulture;
        var k = model.Kpis;
        var html = new StringBuilder(16 * 1024);
        html.Append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">")
            .Append("<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">")
            .Append("<title>MonaSpark — leads</title><style nonce=\"").Append(Html.Attr(cspNonce)).Append("\">")
            .Append(Styles)
            .Append("</style></head><body><header><h1>MonaSpark</h1><p>Pipeline at ")
            .Append(Html.Text(model.GeneratedAt.ToString("yyyy-MM-dd HH:mm 'UTC'", inv)))
            .Append("</p></header><main>");

        html.Append("<section aria-labelledby=\"kpis\"><h2 id=\"kpis\">Pipeline</h2><dl class=\"kpis\">");
        Kpi(html, "Records ingested", k.RecordsIngested);
        Kpi(html, "Accepted", k.RecordsAccepted);
        Kpi(html, "Quarantined", k.RecordsQuarantined);
        Kpi(html, "Artists", k.Artists);
        Kpi(html, "Leads scored", k.LeadsScored);
        Kpi(html, "Queue depth", k.QueueDepth);
        Kpi(html, "Dead letters", k.DeadLetters);
        if (k.Onboarding is { Completed: > 0 } onboarding)
        {
            Kpi(html, "Onboardings completed", onboarding.Completed);
            html.Append("<div><dt>Median onboarding</dt><dd>")
                .Append(onboarding.MedianAtMost is { } median and < int.MaxValue ? string.Create(CultureInfo.InvariantCulture, $"≤ {median / 60}m{median % 60:00}s") : "over 10 min")
                .Append("</dd></div><div><dt>Within 2m30</dt><dd>").Append(onboarding.WithinTarget!.Value.ToString("P0", CultureInfo.InvariantCulture)).Append("</dd></div>");
        }

        html.Append("</dl>");
        if (k.Sources.Count > 0)
        {
            html.Append("<h3>By source</h3><table><thead><tr><th scope=\"col\">Source</th><th scope=\"col\">Landed</th><th scope=\"col\">Accepted</th><th scope=\"col\">Quarantined</th></tr></thead><tbody>");
            foreach (var source in k.Sources)
            {
                html.Append("<tr><td>").Append(Html.Text(source.Source)).Append("</td><td>").Append(source.Ingested.ToString("N0", inv))
                    .Append("</td><td>").Append(source.Accepted.ToString("N0", inv)).Append("</td><td>").Append(source.Quarantined.ToString("N0", inv)).Append("</td></tr>");
            }

            html.Append("</tbody></table>");
        }

        if (k.QuarantineByReason.Count > 0)
        {
            html.Append("<h3>Quarantine by reason</h3><ul class=\"reasons\">");
            foreach (var (reason, count) in k.QuarantineByReason)
            {
                html.Append("<li><code>").Append(Html.Text(reason)).Append("</code> ").Append(count.ToString("N0", inv)).Append("</li>");
            }

            html.Append("</ul>");
        }

        html.Append("</section><section aria-labelledby=\"leads\"><h2 id=\"leads\">Top leads</h2>");
        if (model.Leads.Count == 0)
        {
            html.Append("<p>No scored leads yet.</p>");
        }
        else
        {
            html.Append("<table><thead><tr><th scope=\"col\">#</th><th scope=\"col\">Artist</th><th scope=\"col\">Tier</th>")
                .Append("<th scope=\"col\">p(convert)</th><th scope=\"col\">Expected value</th><th scope=\"col\">Priority</th><th scope=\"col\">Why</th></tr></thead><tbody>");
            var rank = 0;
            foreach (var lead in model.Leads)
            {
                LeadRow(html, ++rank, lead, model.LandingLinks.GetValueOrDefault(lead.ArtistId), inv);
            }

            html.Append("</tbody></table>");
        }

        html.Append("</section>");
        ModelsSection(html, model.Models, inv);
        LookalikesSection(html, model.Lookalikes, inv);
        OutboxSection(html, model.Outbox, inv);
        html.Append("</main></body></html>");
        return html.ToString();
    }

    private static void ModelsSection(StringBuilder html, ModelsView? models, CultureInfo inv)
    {
        if (models is null)
        {
            return;
        }

        html.Append("<section aria-labelledby=\"models\"><h2 id=\"models\">Scoring models</h2><p>Champion: <code>")
            .Append(Html.Text(models.Champion)).Append("</code>");
        if (models.ChampionModel is { } champion)
        {
            Metrics(html, champion, inv);
        }
        else
        {
            html.Append(" (the baseline formula: not enough outcomes yet, or no model has beaten it)");
        }

        if (models.Challenger is { } challenger)
        {
            html.Append("<br>Challenger on ").Append(models.ChallengerPercent.ToString(inv)).Append("% of artists: <code>")
                .Append(Html.Text(challenger.Id)).Append("</code>");
            Metrics(html, challenger, inv);
        }

        html.Append("</p></section>");
    }

    private static void Metrics(StringBuilder html, ModelRecord model, CultureInfo inv) =>
        html.Append(Html.Text(string.Create(inv,
            $" — held-out AUC {model.Metrics.Auc:F3}, log loss {model.Metrics.LogLoss:F3}, calibration error {model.Metrics.CalibrationError:F3} on {model.Metrics.EvaluatedOn:N0} outcomes; trained on {model.TrainedOn:N0}")));

    private static void LookalikesSection(StringBuilder html, LookalikeResult? lookalikes, CultureInfo inv)
    {
        if (lookalikes is null)
        {
            return;
        }

        html.Append("<section aria-labelledby=\"lookalikes\"><h2 id=\"lookalikes\">Most like our customers</h2>");
        if (lookalikes.Artists.Count == 0)
        {
            html.Append(lookalikes.Seeds == 0
                ? "<p>No customers yet: lookalikes appear once artists sign up.</p>"
                : "<p>None of the customers has an embedded profile yet.</p>");
        }
        else
        {
            html.Append("<p>").Append(string.Create(inv, $"Closest to the {lookalikes.SeedsEmbedded:N0} customers' profiles:")).Append("</p><ol>");
            foreach (var artist in lookalikes.Artists)
            {
                html.Append("<li><a href=\"/api/artists/").Append(Html.Url(artist.ArtistId)).Append("\">").Append(Html.Text(artist.Name))
                    .Append("</a> <small>").Append(artist.Similarity.ToString("F2", inv)).Append("</small></li>");
            }

            html.Append("</ol>");
        }

        html.Append("</section>");
    }

    /// <summary>The newest messages: when, to which artist, on which channel, their state and subject (no address, no body).</summary>
    private static void OutboxSection(StringBuilder html, IReadOnlyList<Message> outbox, CultureInfo inv)
    {
        html.Append("<section aria-labelledby=\"outbox\"><h2 id=\"outbox\">Outbox</h2>");
        if (outbox.Count == 0)
        {
            html.Append("<p>No outreach yet: journeys start for qualified leads.</p></section>");
            return;
        }

        html.Append("<table><thead><tr><th scope=\"col\">Drafted</th><th scope=\"col\">Artist</th><th scope=\"col\">Channel</th><th scope=\"col\">State</th><th scope=\"col\">Subject</th></tr></thead><tbody>");
        foreach (var message in outbox)
        {
            html.Append("<tr><td>").Append(Html.Text(message.CreatedAt.ToString("yyyy-MM-dd HH:mm:ss", inv)))
                .Append("</td><td><a href=\"/api/artists/").Append(Html.Url(message.ArtistId.Value)).Append("\">").Append(Html.Text(message.ArtistId.Value))
                .Append("</a></td><td>").Append(Html.Text(message.Channel.ToString()))
                .Append("</td><td>").Append(Html.Text(message.Status.ToString().ToLowerInvariant()))
                .Append("</td><td>").Append(Html.Text(message.Subject)).Append("</td></tr>");
        }

        html.Append("</tbody></table></section>");
    }

    private static void Kpi(StringBuilder html, string label, long value) =>
        html.Append("<div><dt>").Append(Html.Text(label)).Append("</dt><dd>").Append(value.ToString("N0", CultureInfo.InvariantCulture)).Append("</dd></div>");

    private static void LeadRow(StringBuilder html, int rank, LeadView lead, Uri? landing, CultureInfo inv)
    {
        html.Append("<tr><td>").Append(rank.ToString(inv)).Append("</td><td><a href=\"/api/artists/")
            .Append(Html.Url(lead.ArtistId)).Append("\">").Append(Html.Text(lead.Name)).Append("</a><br><small>")
            .Append(Html.Text(lead.Stage));
        if (landing is not null)
        {
            html.Append(" · <a href=\"").Append(Html.Attr(landing.AbsoluteUri)).Append("\">landing page</a>");
        }

        html.Append("</small></td><td class=\"tier-").Append(Html.Attr(lead.Tier.ToLowerInvariant())).Append("\">")
            .Append(Html.Text(lead.Tier)).Append("</td><td>").Append(lead.Probability.ToString("P0", inv)).Append("</td><td>")
            .Append(Html.Text(Money(lead.ExpectedValueMinor, lead.Currency, inv))).Append("</td><td>")
            .Append(Html.Text(Money(lead.PriorityMinor, lead.Currency, inv))).Append("</td><td><ul>");
        foreach (var reason in lead.Explanation)
        {
            html.Append("<li>").Append(Html.Text(reason)).Append("</li>");
        }

        html.Append("</ul><small>").Append(Html.Text(lead.ModelVersion)).Append("</small></td></tr>");
    }

    private static string Money(long minor, string currency, CultureInfo inv) =>
        string.Create(inv, $"{minor / 100m:N2} {currency}");

    private const string Styles =
        "body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;margin:0;color:#1b1b1f;background:#fafafa}" +
        "header{background:#2b1a4a;color:#fff;padding:1rem 2rem}header h1{margin:0;font-size:1.5rem}header p{margin:.25rem 0 0}" +
        "main{padding:1rem 2rem;max-width:80rem}.kpis{display:flex;flex-wrap:wrap;gap:1rem;margin:0}" +
        ".kpis div{background:#fff;border:1px solid #ddd;border-radius:.5rem;padding:.5rem 1rem;min-width:9rem}" +
        "dt{font-size:.85rem;color:#555}dd{margin:0;font-size:1.5rem;font-weight:600}" +
        "table{border-collapse:collapse;width:100%;background:#fff}th,td{border-bottom:1px solid #e3e3e3;padding:.5rem;text-align:left;vertical-align:top}" +
        "td ul{margin:0;padding-left:1rem}.tier-hot{color:#b00020;font-weight:600}.tier-warm{color:#a15c00}.tier-cold{color:#2f5d8a}" +
        "a{color:#4b2a86}";
}
