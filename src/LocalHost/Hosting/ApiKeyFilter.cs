using System.Security.Cryptography;
using System.Text;

namespace MonaSpark.LocalHost.Hosting;

/// <summary>
/// The local host's stand-in for the Functions host keys on write routes (<c>POST /api/ingest</c>):
/// the caller sends <c>X-Api-Key</c> equal to <c>MonaSpark:LocalHost:ApiKey</c>. With no key
/// configured the route refuses everyone: a write route is never open by default.
/// </summary>
internal sealed class ApiKeyFilter(IConfiguration configuration) : IEndpointFilter
{
    public const string Header = "X-Api-Key";
    public const string Setting = "MonaSpark:LocalHost:ApiKey";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var expected = configuration[Setting];
        var given = context.HttpContext.Request.Headers[Header].ToString();
        if (string.IsNullOrEmpty(expected) || !CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(expected)))
        {
            return Results.Problem(
                statusCode: StatusCodes.Status401Unauthorized,
                title: "API key required",
                detail: string.IsNullOrEmpty(expected)
                    ? $"This route needs {Setting} to be configured and sent as {Header}."
                    : $"Send the configured key as {Header}.");
        }

        return await next(context);
    }
}
