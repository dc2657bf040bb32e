using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Options;
using MonaSpark.Api;
using MonaSpark.Application.Options;
using MonaSpark.Application.Outreach;
using MonaSpark.Application.Ports;

namespace MonaSpark.Functions.Triggers;

/// <summary><c>POST /api/webhooks/{provider}</c>, as on the local host: anonymous at the gateway, verified by the provider's signature.</summary>
public sealed class ProviderWebhook(IEnumerable<IDeliveryWebhook> webhooks, DeliveryReports reports, IOptions<CopywritingOptions> publicOrigin)
{
    [Function(nameof(ProviderWebhook))]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/webhooks/{provider}")] HttpRequest request,
        string provider,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new ResultActionResult(await WebhookEndpoint.PostAsync(provider, request, webhooks, reports, publicOrigin, cancellationToken));
    }
}
