using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace MonaSpark.Functions.Triggers;

/// <summary>
/// Runs a minimal-API <see cref="IResult"/> from the shared handlers in src/Api as the
/// <see cref="IActionResult"/> an ASP.NET Core HTTP trigger returns, so both hosts write identical responses.
/// </summary>
public sealed class ResultActionResult(IResult result) : IActionResult
{
    public Task ExecuteResultAsync(ActionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return result.ExecuteAsync(context.HttpContext);
    }
}
