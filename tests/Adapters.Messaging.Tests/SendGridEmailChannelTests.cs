using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MonaSpark.Adapters.Email;
using MonaSpark.Adapters.Messaging.Mail;
using MonaSpark.Domain.Artists;

namespace MonaSpark.Adapters.Messaging.Tests;

public sealed class SendGridEmailChannelTests : IDisposable
{
    private const string MessageIdHeader = "W3pZ8UukQ6KqOOuBbqV7Jw";
    private readonly RecordingHandler _http = new();

    public void Dispose() => _http.Dispose();

    private SendGridEmailChannel Sut(string region = "global", EmailOptions? email = null) =>
        new(_http, Options.Create(new SendGridOptions { ApiKey = "SG.test-key.secret", Region = region }), Options.Create(email ?? new EmailOptions()), NullLogger<SendGridEmailChannel>.Instance);

    [Fact]
    public async Task SendAsync_Accepted_PostsTheDocumentedV3BodyWithBearerKey_AndReturnsXMessageId()
    {
        _http.Answer(HttpStatusCode.Accepted, headers: ("X-Message-Id", MessageIdHeader));

        var result = await Sut().SendAsync(Outreach.Email());

        result.ShouldBe(new Application.Ports.SendResult(true, MessageIdHeader, null));
        var sent = _http.Single;
        sent.Request.Method.ShouldBe(HttpMethod.Post);
        sent.Request.RequestUri.ShouldBe(new Uri("https://api.sendgrid.com/v3/mail/send"));
        sent.Request.Headers.Authorization!.ToString().ShouldBe("Bearer SG.test-key.secret");
        sent.Request.Content!.Headers.ContentType!.MediaType.ShouldBe("application/json");
        _http.Names.ShouldBe([SendGridEmailChannel.HttpClientName]);
        var mailId = EmailRenderer.MessageIdFor("journey-1:send-1", "monaspark.example");
        Json.Canonical(sent.Text).ShouldBe(Json.Canonical($$"""
            {
              "from": { "email": "artists@monaspark.example", "name": "Artist Relations, MonaSpark" },
              "subject": "Gardez cet élan",
              "personalizations": [ { "to": [ { "email": "booking@luna.example" } ] } ],
              "content": [ { "type": "text/plain", "value": {{System.Text.Json.JsonSerializer.Serialize(Outreach.Body)}} } ],
              "headers": {
                "List-Unsubscribe": "<https://monaspark.example/u/tok123>",
                "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
                "Content-Language": "fr"
              },
              "categories": [ "outreach", "campaign:cmp-1", "variant:var-a" ],
              "custom_args": { "monaspark_message_id": "journey-1:draft-1", "monaspark_mail_id": "{{mailId}}" },
              "tracking_settings": { "subscription_tracking": { "enable": false } }
            }
            """));
    }

    [Fact]
    public async Task SendAsync_MailIdArgument_IsTheMessageIdTheSmtpPathGivesTheSameKey()
    {
        _http.Answer(HttpStatusCode.Accepted, headers: ("X-Message-Id", MessageIdHeader));

        await Sut().SendAsync(Outreach.Email());

        var smtpMessageId = EmailRenderer.Render(Outreach.Email(), new EmailOptions()).MessageId;
        _http.Single.Text.ShouldContain($"\"monaspark_mail_id\":\"{smtpMessageId}\"");
    }

    [Fact]
    public async Task SendAsync_MessageNamesASender_ItIsTheFromAddress()
    {
        _http.Answer(HttpStatusCode.Accepted, headers: ("X-Message-Id", MessageIdHeader));

        await Sut().SendAsync(Outreach.Email() with { Sender = "luna-team@mail.monaspark.example" });

        var body = System.Text.Json.Nodes.JsonNode.Parse(_http.Single.Text)!;
        body["from"]!["email"]!.GetValue<string>().ShouldBe("luna-team@mail.monaspark.example");
        body["custom_args"]!["monaspark_mail_id"]!.GetValue<string>().ShouldBe(EmailRenderer.MessageIdFor("journey-1:send-1", "mail.monaspark.example"));
    }

    [Fact]
    public async Task SendAsync_EuRegion_PostsToTheEuHost()
    {
        _http.Answer(HttpStatusCode.Accepted, headers: ("X-Message-Id", MessageIdHeader));

        await Sut(region: "eu").SendAsync(Outreach.Email());

        _http.Single.Request.RequestUri.ShouldBe(new Uri("https://api.eu.sendgrid.com/v3/mail/send"));
    }

    [Fact]
    public async Task SendAsync_400WithErrors_RefusedWithSendGridsErrorText()
    {
        _http.Answer(HttpStatusCode.BadRequest, """
            {"errors":[{"message":"Does not contain a valid address.","field":"personalizations.0.to.0.email","help":"http://sendgrid.com/docs/API_Reference/Web_API_v3/Mail/errors.html#message.personalizations.to"},
                       {"message":"The subject is required.","field":null,"help":null}]}
            """);

        var result = await Sut().SendAsync(Outreach.Email());

        result.ShouldBe(new Application.Ports.SendResult(false, null, "SendGrid 400: Does not contain a valid address. (personalizations.0.to.0.email); The subject is required."));
    }

    [Fact]
    public async Task SendAsync_ErrorQuotingTheAddress_TheAddressIsScrubbed()
    {
        _http.Answer(HttpStatusCode.BadRequest, """{"errors":[{"message":"The to address booking@luna.example is not allowed","field":"personalizations.0.to"}]}""");

        var result = await Sut().SendAsync(Outreach.Email());

        result.Error.ShouldBe("SendGrid 400: The to address [address] is not allowed (personalizations.0.to)");
    }

    [Fact]
    public async Task SendAsync_413WithoutJson_RefusedWithTheRawText()
    {
        _http.Answer(HttpStatusCode.RequestEntityTooLarge, "Payload Too Large", "text/plain");

        var result = await Sut().SendAsync(Outreach.Email());

        result.ShouldBe(new Application.Ports.SendResult(false, null, "SendGrid 413: Payload Too Large"));
    }

    [Theory]
    [InlineData(HttpStatusCode.TooManyRequests)]
    [InlineData(HttpStatusCode.InternalServerError)]
    [InlineData(HttpStatusCode.BadGateway)]
    [InlineData(HttpStatusCode.ServiceUnavailable)]
    [InlineData(HttpStatusCode.Unauthorized)]
    [InlineData(HttpStatusCode.Forbidden)]
    public async Task SendAsync_TransientOrConfigurationFailure_ThrowsWithTheStatus(HttpStatusCode status)
    {
        _http.Answer(status, """{"errors":[{"message":"try later","field":null}]}""");

        var thrown = await Should.ThrowAsync<HttpRequestException>(() => Sut().SendAsync(Outreach.Email()));

        thrown.StatusCode.ShouldBe(status);
        thrown.Message.ShouldNotContain("booking@luna.example");
        thrown.Message.ShouldNotContain("SG.test-key");
    }

    [Fact]
    public async Task SendAsync_NetworkFailure_Propagates()
    {
        _http.Fail(new HttpRequestException("connection refused"));

        await Should.ThrowAsync<HttpRequestException>(() => Sut().SendAsync(Outreach.Email()));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("http://monaspark.example/u/tok123")]
    [InlineData("mailto:unsubscribe@monaspark.example")]
    public async Task SendAsync_NoHttpsUnsubscribeLink_RefusedWithoutCallingSendGrid(string? unsubscribe)
    {
        var message = Outreach.Email() with { UnsubscribeUrl = unsubscribe is null ? null : new Uri(unsubscribe) };

        var result = await Sut().SendAsync(message);

        result.Accepted.ShouldBeFalse();
        result.Error.ShouldBe("no https unsubscribe link: marketing e-mail must carry List-Unsubscribe (RFC 8058)");
        _http.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task SendAsync_Transactional_SentWithoutUnsubscribeHeaders()
    {
        _http.Answer(HttpStatusCode.Accepted, headers: ("X-Message-Id", MessageIdHeader));

        var result = await Sut().SendAsync(Outreach.Email() with { UnsubscribeUrl = null, Transactional = true });

        result.Accepted.ShouldBeTrue();
        _http.Single.Text.ShouldNotContain("List-Unsubscribe");
    }

    [Theory]
    [InlineData("not-an-address")]
    [InlineData("Luna <booking@luna.example>")]
    [InlineData("")]
    public async Task SendAsync_RecipientNotAnAddress_RefusedWithoutCallingSendGrid(string to)
    {
        var result = await Sut().SendAsync(Outreach.Email(to: to));

        result.ShouldBe(new Application.Ports.SendResult(false, null, "the recipient is not an e-mail address"));
        _http.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task SendAsync_NotAnEmail_Throws()
    {
        await Should.ThrowAsync<ArgumentException>(() => Sut().SendAsync(Outreach.Email() with { Channel = ContactChannel.Sms }));
        _http.Requests.ShouldBeEmpty();
    }
}
