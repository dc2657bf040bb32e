using Microsoft.AspNetCore.Http;

namespace MonaSpark.Api;

/// <summary>303: after a POST, the browser GETs the page again (POST-redirect-GET).</summary>
internal sealed class SeeOther(string location) : IResult
{
    public Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        httpContext.Response.StatusCode = StatusCodes.Status303SeeOther;
        httpContext.Response.Headers.Location = location;
        return Task.CompletedTask;
    }
}
