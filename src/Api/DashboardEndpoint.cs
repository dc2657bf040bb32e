using Microsoft.AspNetCore.Http;
using MonaSpark.Application.Landing;
using MonaSpark.Application.Lookalikes;
using MonaSpark.Application.Ports;
using MonaSpark.Application.Queries;
using MonaSpark.Edge.Dashboard;

namespace MonaSpark.Api;

/// <summary><c>GET /dashboard</c>: the server-rendered team dashboard with a strict CSP.</summary>
public static class DashboardEndpoint
{
    public const int TopLeads = 25;

    public const int Lookalikes = 10;

    /// <summary>The lookalikes, or null (the section is left out) when the vector index cannot answer: the rest of the page still shows.</summary>
    private static async Task<LookalikeResult?> LookalikesOrNullAsync(LookalikeQuery lookalikes, CancellationToken cancellationToken)
    {
        try
        {
            return await lookalikes.FindAsync(new LookalikeRequest(Lookalikes), cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Whatever the index's adapter throws (a service error on Azure, a bad row locally), the
            // dashboard degrades to the other sections; the lookalikes endpoint reports the error itself.
            return null;
        }
    }

    /// <summary>Messages shown in the outbox section.</summary>
    public const int OutboxMessages = 15;

    public static async Task<IResult> GetAsync(
        HttpContext context, LeadQueries leads, KpiQuery kpis, ModelsQuery models, LookalikeQuery lookalikes, IOutreachMessageStore outbox, LandingPages landing, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(landing);
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(leads);
        ArgumentNullException.ThrowIfNull(kpis);
        ArgumentNullException.ThrowIfNull(models);
        ArgumentNullException.ThrowIfNull(lookalikes);
        ArgumentNullException.ThrowIfNull(outbox);
        ArgumentNullException.ThrowIfNull(time);
        var top = await leads.TopAsync(TopLeads, cancellationToken);
        var links = new Dictionary<string, Uri>(StringComparer.Ordinal);
        foreach (var lead in top)
        {
            if (Domain.Artists.ArtistId.TryParse(lead.ArtistId, out var id) && await landing.CurrentLinkAsync(id, cancellationToken) is { } link)
            {
                links[lead.ArtistId] = link;
            }
        }

        var model = new DashboardModel(top, await kpis.GetAsync(cancellationToken), time.GetUtcNow())
        {
            LandingLinks = links,
            Models = await models.GetAsync(cancellationToken: cancellationToken),
            Lookalikes = await LookalikesOrNullAsync(lookalikes, cancellationToken),
            Outbox = await outbox.ListRecentAsync(OutboxMessages, cancellationToken),
        };
        var nonce = PageHeaders.NewNonce();
        PageHeaders.Apply(context, nonce);
        return Results.Content(DashboardPage.Render(model, nonce), "text/html; charset=utf-8");
    }
}
