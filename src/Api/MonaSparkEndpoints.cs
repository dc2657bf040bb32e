using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace MonaSpark.Api;

/// <summary>Maps the public HTTP surface as minimal APIs (the local host). The Functions app maps the same handlers as HTTP triggers.</summary>
public static class MonaSparkEndpoints
{
    /// <summary>Rate-limiter policy applied to the public API routes.</summary>
    public const string PublicRateLimitPolicy = "public";

    public static IEndpointRouteBuilder MapMonaSparkApi(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapGet("/healthz", HealthEndpoint.GetAsync);
        endpoints.MapGet("/api/leads", LeadsEndpoint.GetAsync).RequireRateLimiting(PublicRateLimitPolicy);
        endpoints.MapGet("/api/kpis", KpisEndpoint.GetAsync).RequireRateLimiting(PublicRateLimitPolicy);
        endpoints.MapGet("/api/artists/{id}", ArtistEndpoint.GetAsync).RequireRateLimiting(PublicRateLimitPolicy);
        endpoints.MapGet("/api/reviews", ReviewsEndpoint.GetAsync).RequireRateLimiting(PublicRateLimitPolicy);
        endpoints.MapGet("/api/lookalikes", LookalikesEndpoint.GetAsync).RequireRateLimiting(PublicRateLimitPolicy);
        endpoints.MapGet("/dashboard", DashboardEndpoint.GetAsync).RequireRateLimiting(PublicRateLimitPolicy);
        endpoints.MapGet("/l/{token}", LandingEndpoint.GetAsync).RequireRateLimiting(PublicRateLimitPolicy);
        endpoints.MapGet("/l/{token}/v", LandingEndpoint.ViewAsync).RequireRateLimiting(PublicRateLimitPolicy);
        endpoints.MapGet("/l/{token}/form", OnboardingFormEndpoint.GetAsync).RequireRateLimiting(PublicRateLimitPolicy);
        endpoints.MapGet("/assets/{file}", StaticAssetEndpoint.GetAsset).RequireRateLimiting(PublicRateLimitPolicy);
        endpoints.MapGet("/sw.js", StaticAssetEndpoint.GetWorker).RequireRateLimiting(PublicRateLimitPolicy);

        // Forgery is checked by the endpoint itself (Sec-Fetch-Site, Origin and a token derived from the link), the same on both hosts.
        endpoints.MapPost("/l/{token}/form", OnboardingFormEndpoint.PostAsync).RequireRateLimiting(PublicRateLimitPolicy).DisableAntiforgery();
        endpoints.MapPost("/l/{token}/push", OnboardingFormEndpoint.PushAsync).RequireRateLimiting(PublicRateLimitPolicy).DisableAntiforgery();
        endpoints.MapGet("/u/{token}", UnsubscribeEndpoint.Get).RequireRateLimiting(PublicRateLimitPolicy);
        endpoints.MapPost("/u/{token}", UnsubscribeEndpoint.PostAsync).RequireRateLimiting(PublicRateLimitPolicy).DisableAntiforgery();
        endpoints.MapGet("/portal", PortalEndpoint.GetAsync).RequireRateLimiting(PublicRateLimitPolicy);
        endpoints.MapPost("/portal/sign-in", PortalEndpoint.SignInAsync).RequireRateLimiting(PublicRateLimitPolicy).DisableAntiforgery();
        endpoints.MapGet("/portal/enter", PortalEndpoint.Enter).RequireRateLimiting(PublicRateLimitPolicy);
        endpoints.MapPost("/portal/enter", PortalEndpoint.EnterAsync).RequireRateLimiting(PublicRateLimitPolicy).DisableAntiforgery();
        endpoints.MapPost("/portal/sign-out", PortalEndpoint.SignOutAsync).RequireRateLimiting(PublicRateLimitPolicy).DisableAntiforgery();
        endpoints.MapPost("/portal/plan", PortalAccountEndpoint.ChangePlanAsync).RequireRateLimiting(PublicRateLimitPolicy).DisableAntiforgery();
        endpoints.MapPost("/portal/erasure", PortalAccountEndpoint.RequestErasureAsync).RequireRateLimiting(PublicRateLimitPolicy).DisableAntiforgery();
        endpoints.MapGet("/portal/export", PortalAccountEndpoint.ExportAsync).RequireRateLimiting(PublicRateLimitPolicy);
        endpoints.MapGet("/portal/events", PortalAccountEndpoint.Events).RequireRateLimiting(PublicRateLimitPolicy);
        endpoints.MapPost("/api/webhooks/{provider}", WebhookEndpoint.PostAsync).RequireRateLimiting(PublicRateLimitPolicy).DisableAntiforgery();
        return endpoints;
    }
}
