using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using MonaSpark.Functions.Triggers;
using Shouldly;
using Xunit;

namespace MonaSpark.Functions.Tests;

/// <summary>The portal's triggers resolve from the app's composition and answer as the local host's routes do.</summary>
public sealed class PortalTriggerTests(FunctionsAppFixture app) : IClassFixture<FunctionsAppFixture>
{
    [Fact(Timeout = 60_000)]
    public async Task PortalPage_NotSignedIn_TheSignInPageNoStoreUnderTheCsp()
    {
        await using var scope = app.Host.Services.CreateAsyncScope();
        var context = Http.Get(scope.ServiceProvider, "/portal");

        var response = await Http.ExecuteAsync(context, await scope.ServiceProvider.GetRequiredService<Portal>().GetAsync(context.Request, CancellationToken.None));

        response.Status.ShouldBe(200);
        response.Body.ShouldContain("action=\"/portal/sign-in\"");
        response.Headers.CacheControl.ToString().ShouldBe("no-store");
        response.Headers.ContentSecurityPolicy.ToString().ShouldStartWith("default-src 'none'");
    }

    [Fact(Timeout = 60_000)]
    public async Task PortalSignIn_CrossSite_403ProblemDetails()
    {
        await using var scope = app.Host.Services.CreateAsyncScope();
        var context = Http.Post(scope.ServiceProvider, "/portal/sign-in", "email=a%40b.example");
        context.Request.ContentType = "application/x-www-form-urlencoded";
        context.Request.Headers["Sec-Fetch-Site"] = "cross-site";

        var response = await Http.ExecuteAsync(context, await scope.ServiceProvider.GetRequiredService<Portal>().SignInAsync(context.Request, CancellationToken.None));

        response.Status.ShouldBe(StatusCodes.Status403Forbidden);
        response.ContentType.ShouldNotBeNull().ShouldStartWith("application/problem+json");
    }

    [Fact(Timeout = 60_000)]
    public async Task PortalEnterPage_NotOurLink_404()
    {
        await using var scope = app.Host.Services.CreateAsyncScope();
        var context = Http.Get(scope.ServiceProvider, "/portal/enter", "?t=forged.art-1.1.x");

        var response = await Http.ExecuteAsync(context, scope.ServiceProvider.GetRequiredService<Portal>().Enter(context.Request));

        response.Status.ShouldBe(404);
        response.Body.ShouldContain("This link is not valid.");
    }

    [Theory(Timeout = 60_000)]
    [InlineData("/portal/events")]
    [InlineData("/portal/export")]
    public async Task PortalEventsAndExport_NotSignedIn_401(string path)
    {
        await using var scope = app.Host.Services.CreateAsyncScope();
        var context = Http.Get(scope.ServiceProvider, path);
        var portal = scope.ServiceProvider.GetRequiredService<Portal>();

        var result = path.EndsWith("events", StringComparison.Ordinal) ? portal.Events(context.Request) : await portal.ExportAsync(context.Request, CancellationToken.None);
        var response = await Http.ExecuteAsync(context, result);

        response.Status.ShouldBe(401);
        response.Headers.CacheControl.ToString().ShouldBe("no-store");
    }
}
