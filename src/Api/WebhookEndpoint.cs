using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using MonaSpark.Application.Options;
using MonaSpark.Application.Outreach;
using MonaSpark.Application.Ports;

namespace MonaSpark.Api;

/// <summary>
/// <c>POST /api/webhooks/{provider}</c>: a provider's delivery, bounce, complaint, reply and STOP reports.
/// The request is verified with the provider's own signature scheme over the body as received and the
/// public URL it was sent to (the platform's public origin, since a proxy or Front Door changes the
/// host the app sees). Unknown provider: 404; bad or missing signature: 401; a signed body that is not
/// the provider's: 400; otherwise the reports are applied once each and the provider gets a 200.
/// </summary>
public static class WebhookEndpoint
{
    /// <summary>The largest body read (SendGrid batches events; 1 MiB is far above a batch).</summary>
    public const int MaxBody = 1 << 20;

    public static async Task<IResult> PostAsync(
        string provider,
        HttpRequest request,
        IEnumerable<IDeliveryWebhook> webhooks,
        DeliveryReports reports,
        IOptions<CopywritingOptions> publicOrigin,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(webhooks);
        ArgumentNullException.ThrowIfNull(reports);
        ArgumentNullException.ThrowIfNull(publicOrigin);
        var webhook = webhooks.FirstOrDefault(w => string.Equals(w.Provider, provider, StringComparison.OrdinalIgnoreCase));
        if (webhook is null)
        {
            return Problems.NotFound("Unknown provider", "No webhook is configured for this provider.");
        }

        if (request.ContentLength > MaxBody)
        {
            return Problems.BadRequest("Body too large", $"A webhook body is at most {MaxBody} bytes.");
        }

        string body;
        using (var reader = new StreamReader(request.Body))
        {
            var buffer = new char[MaxBody + 1];
            var read = await reader.ReadBlockAsync(buffer.AsMemory(), cancellationToken);
            if (read > MaxBody)
            {
                return Problems.BadRequest("Body too large", $"A webhook body is at most {MaxBody} bytes.");
            }

            body = new string(buffer, 0, read);
        }

        var url = new Uri(publicOrigin.Value.PublicBaseUrl, request.Path.Value + request.QueryString.Value);
        var headers = request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        var parsed = webhook.Parse(new WebhookRequest(url, headers, request.ContentType ?? string.Empty, body));
        if (!parsed.Accepted)
        {
            return parsed.Rejection == WebhookRejection.Unauthenticated
                ? Results.Problem(title: "Signature not verified", detail: parsed.Reason, statusCode: StatusCodes.Status401Unauthorized)
                : Problems.BadRequest("Not a report from this provider", parsed.Reason ?? "The body could not be read.");
        }

        await reports.ApplyAsync(parsed.Events, cancellationToken);
        return parsed.Reply is { } reply ? Results.Content(reply.Body, reply.ContentType) : Results.Ok();
    }
}
