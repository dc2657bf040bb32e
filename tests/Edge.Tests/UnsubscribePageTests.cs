using System.Text.RegularExpressions;
using MonaSpark.Edge.Unsubscribe;

namespace MonaSpark.Edge.Tests;

public sealed class UnsubscribePageTests
{
    private const string Token = "AUVJ5wABI0VniavN7wEj7Jqr7jkTEDTfcJt1dBa1cA";
    private const string Nonce = "n0nce-Abc";

    [Fact]
    public void Render_Confirm_AFormThatPostsTheOneClickBodyBackToTheSameLink()
    {
        var html = UnsubscribePage.Render(UnsubscribeState.Confirm, Token, Nonce);

        html.ShouldContain("<h1>Stop hearing from MonaSpark?</h1>");
        html.ShouldContain($"<form method=\"post\" action=\"/u/{Token}\">");
        html.ShouldContain("<input type=\"hidden\" name=\"List-Unsubscribe\" value=\"One-Click\">");
        html.ShouldContain("<input type=\"hidden\" name=\"from\" value=\"page\">");
        html.ShouldContain("<button type=\"submit\">Unsubscribe · Se désabonner</button>");
        html.ShouldContain("<p class=\"fr\" lang=\"fr\">Appuyez sur le bouton");
        Count(html, "<form").ShouldBe(1);
    }

    [Fact]
    public void Render_Done_SaysSoWithoutAForm()
    {
        var html = UnsubscribePage.Render(UnsubscribeState.Done, Token, Nonce);

        html.ShouldContain("<h1>You are unsubscribed</h1>");
        html.ShouldContain("Vous êtes désabonné·e");
        html.ShouldNotContain("<form");
        html.ShouldNotContain(Token);
    }

    [Fact]
    public void Render_Unknown_SaysTheLinkIsNotValidWithoutAForm()
    {
        var html = UnsubscribePage.Render(UnsubscribeState.Unknown, Token, Nonce);

        html.ShouldContain("<h1>This link is not valid</h1>");
        html.ShouldContain("Ce lien n’est pas valide.");
        html.ShouldNotContain("<form");
        html.ShouldNotContain(Token);
    }

    [Theory]
    [InlineData("a\"b<c>d&e", "/u/a%22b%3Cc%3Ed%26e")]
    [InlineData("\"><script>alert(1)</script>", "/u/%22%3E%3Cscript%3Ealert(1)%3C%2Fscript%3E")]
    [InlineData("../../admin?x=1#y", "/u/..%2F..%2Fadmin%3Fx%3D1%23y")]
    [InlineData("a b", "/u/a%20b")]
    public void Render_TokenThatIsNotUrlSafe_EncodedInTheFormAction(string token, string action)
    {
        var html = UnsubscribePage.Render(UnsubscribeState.Confirm, token, Nonce);

        html.ShouldContain($"action=\"{action}\"");
        html.ShouldNotContain(token);
        Count(html, "<script").ShouldBe(0);
    }

    [Theory]
    [InlineData(UnsubscribeState.Confirm)]
    [InlineData(UnsubscribeState.Done)]
    [InlineData(UnsubscribeState.Unknown)]
    public void Render_AnyState_NoScriptAndTheOnlyStyleUnderTheNonce(UnsubscribeState state)
    {
        var html = UnsubscribePage.Render(state, Token, Nonce);

        html.ShouldStartWith("<!doctype html><html lang=\"en\">");
        html.ShouldEndWith("</main></body></html>");
        html.ShouldNotContain("<script", Case.Insensitive);
        html.ShouldNotContain("javascript:", Case.Insensitive);
        Regex.IsMatch(html, @"\son[a-z]+\s*=", RegexOptions.IgnoreCase, TimeSpan.FromSeconds(1)).ShouldBeFalse("an event handler attribute");
        html.ShouldNotContain("style=\"");
        html.ShouldNotContain("<link");
        html.ShouldNotContain("http");
        Count(html, "<style").ShouldBe(1);
        html.ShouldContain($"<style nonce=\"{Nonce}\">");
        html.ShouldContain("<meta name=\"robots\" content=\"noindex\">");
    }

    [Fact]
    public void Render_NonceWithQuotes_CannotLeaveItsAttribute()
    {
        var html = UnsubscribePage.Render(UnsubscribeState.Confirm, Token, "x\"><script>alert(1)</script>");

        html.ShouldNotContain("<script");
        html.ShouldContain("<style nonce=\"x&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;\">");
    }

    private static int Count(string html, string value)
    {
        var count = 0;
        for (var at = html.IndexOf(value, StringComparison.OrdinalIgnoreCase); at >= 0; at = html.IndexOf(value, at + 1, StringComparison.OrdinalIgnoreCase))
        {
            count++;
        }

        return count;
    }
}
