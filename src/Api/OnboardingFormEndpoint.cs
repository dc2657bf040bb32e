using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using MonaSpark.Application.Landing;
using MonaSpark.Application.Options;
using MonaSpark.Application.Outreach;
using MonaSpark.Edge.Landing;

namespace MonaSpark.Api;

/// <summary>
/// <c>GET, POST /l/{token}/form</c>: the onboarding form, one question per page. A POST is checked
/// against cross-site forgery three ways before anything is read (a browser's <c>Sec-Fetch-Site</c> must
/// be same-origin, an <c>Origin</c> must be ours, and the form's <c>csrf</c> field must be the token
/// derived from the link under the signing key), then answered with a 303 to the form (POST-redirect-GET)
/// or, when the answer is refused, the same question with the reason beside the field (400). The pages
/// are personal: never cached. The same handlers run on both hosts.
/// </summary>
public static class OnboardingFormEndpoint
{
    public static async Task<IResult> GetAsync(string token, HttpContext context, OnboardingForms forms, LinkTokens links, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(forms);
        ArgumentNullException.ThrowIfNull(links);
        return Page(context, await forms.GetAsync(token, cancellationToken), links);
    }

    public static async Task<IResult> PostAsync(string token, HttpContext context, OnboardingForms forms, LinkTokens links, IOptions<CopywritingOptions> copy, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(forms);
        ArgumentNullException.ThrowIfNull(links);
        ArgumentNullException.ThrowIfNull(copy);
        var request = context.Request;
        if (!RequestOrigin.IsSameOrigin(request, copy.Value.PublicBaseUrl))
        {
            return Problems.Forbidden("Cross-site request refused", "The form can only be sent from its own page.");
        }

        if (!request.HasFormContentType)
        {
            return Problems.BadRequest("Not a form", "The onboarding form is sent as an HTML form.");
        }

        var form = await request.ReadFormAsync(cancellationToken);
        var expected = Encoding.ASCII.GetBytes(links.Derive("csrf", token ?? string.Empty));
        var sent = Encoding.ASCII.GetBytes(form["csrf"].ToString());
        if (!CryptographicOperations.FixedTimeEquals(expected, sent))
        {
            return Problems.Forbidden("Cross-site request refused", "The form's security token is missing or does not match: reload the page and try again.");
        }

        var view = await forms.AnswerAsync(token, form["question"], form["answer"], back: form["back"] == "1", cancellationToken);
        if (view.Status != LandingStatus.Ready || view.Step?.Error is not null)
        {
            return Page(context, view, links);
        }

        context.Response.Headers.CacheControl = "no-store";
        return new SeeOther($"/l/{Uri.EscapeDataString(token!)}/form");
    }

    private static IResult Page(HttpContext context, OnboardingView view, LinkTokens links)
    {
        var nonce = PageHeaders.NewNonce();
        PageHeaders.Apply(context, nonce);
        if (view.Status != LandingStatus.Ready)
        {
            return Results.Content(LandingPage.RenderUnavailable(view.Status, nonce), "text/html; charset=utf-8",
                statusCode: view.Status == LandingStatus.Expired ? StatusCodes.Status410Gone : StatusCodes.Status404NotFound);
        }

        var html = OnboardingFormPage.Render(view, links.Derive("csrf", view.Token), nonce);
        return Results.Content(html, "text/html; charset=utf-8", statusCode: view.Step?.Error is null ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest);
    }
}
