using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using MonaSpark.Api;

namespace MonaSpark.Functions.Triggers;

/// <summary><c>GET, POST /u/{token}</c>: the unsubscribe page and RFC 8058 one-click, as on the local host (anonymous: the signed token is the capability).</summary>
public sealed class Unsubscribe(Application.Outreach.Unsubscribe unsubscribe)
{
    [Function("UnsubscribePage")]
    public IActionResult Get([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "u/{token}")] HttpRequest request, string token)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new ResultActionResult(UnsubscribeEndpoint.Get(token, request.HttpContext, unsubscribe));
    }

    [Function("UnsubscribeOneClick")]
    public async Task<IActionResult> PostAsync([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "u/{token}")] HttpRequest request, string token, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new ResultActionResult(await UnsubscribeEndpoint.PostAsync(token, request.HttpContext, unsubscribe, cancellationToken));
    }
}
