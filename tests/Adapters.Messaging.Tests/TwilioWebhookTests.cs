using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using MonaSpark.Adapters.Messaging.Sms;
using MonaSpark.Application.Ports;
using MonaSpark.TestKit;

namespace MonaSpark.Adapters.Messaging.Tests;

/// <summary>Twilio webhooks: signature verification (here), status callbacks and inbound messages (the other parts).</summary>
public sealed partial class TwilioWebhookTests
{
    private const string AuthToken = "12345";
    private const string Form = "application/x-www-form-urlencoded";
    private const string Sid = "SM1234567890abcdef1234567890abcdef";
    private static readonly Uri Url = new("https://monaspark.example/api/webhooks/twilio");
    private readonly FakeTimeProvider _time = new(Samples.Epoch);

    private TwilioWebhook Sut(string token = AuthToken) =>
        new(Options.Create(new TwilioOptions { AccountSid = "AC0123456789abcdef0123456789abcdef", AuthToken = token }), _time, NullLogger<TwilioWebhook>.Instance);

    private static WebhookRequest Signed(Dictionary<string, string> fields, Uri? url = null, string? body = null, string contentType = Form)
    {
        var target = url ?? Url;
        var headers = new Dictionary<string, string> { ["X-Twilio-Signature"] = TwilioSignature.Sign(AuthToken, target.AbsoluteUri, fields) };
        return new WebhookRequest(target, headers, contentType, body ?? TwilioSignature.FormBody(fields));
    }

    private static Dictionary<string, string> Status(string status, string? errorCode = null)
    {
        var fields = new Dictionary<string, string>
        {
            ["AccountSid"] = "AC0123456789abcdef0123456789abcdef",
            ["ApiVersion"] = "2010-04-01",
            ["From"] = "+33757000000",
            ["MessageSid"] = Sid,
            ["MessageStatus"] = status,
            ["SmsSid"] = Sid,
            ["SmsStatus"] = status,
            ["To"] = "+33612345678",
        };
        if (errorCode is not null)
        {
            fields["ErrorCode"] = errorCode;
        }

        return fields;
    }

    private static Dictionary<string, string> Inbound(string body, string? optOutType = null)
    {
        var fields = new Dictionary<string, string>
        {
            ["AccountSid"] = "AC0123456789abcdef0123456789abcdef",
            ["Body"] = body,
            ["From"] = "+33612345678",
            ["MessageSid"] = "SMinbound00000000000000000000000001",
            ["NumMedia"] = "0",
            ["SmsStatus"] = "received",
            ["To"] = "+33757000000",
        };
        if (optOutType is not null)
        {
            fields["OptOutType"] = optOutType;
        }

        return fields;
    }

    [Fact]
    public void TestSigner_MatchesTheSdksPublishedVector()
    {
        var fields = new Dictionary<string, string>
        {
            ["CallSid"] = "CA1234567890ABCDE", ["From"] = "+14158675309", ["Digits"] = "1234", ["To"] = "+18005551212", ["Caller"] = "+14158675309",
        };

        TwilioSignature.Sign("12345", "https://mycompany.com/myapp.php?foo=1&bar=2", fields).ShouldBe("RSOYDt4T1cUTdK1PDd93/VVr8B8=");
    }

    [Fact]
    public void Parse_SdkVectorAsAForm_VerifiesButIsNoMessageWebhook()
    {
        const string body = "CallSid=CA1234567890ABCDE&From=%2B14158675309&Digits=1234&To=%2B18005551212&Caller=%2B14158675309";
        var request = new WebhookRequest(new Uri("https://mycompany.com/myapp.php?foo=1&bar=2"), new Dictionary<string, string> { ["X-Twilio-Signature"] = "RSOYDt4T1cUTdK1PDd93/VVr8B8=" }, Form, body);

        var result = Sut().Parse(request);

        result.Rejection.ShouldBe(WebhookRejection.Malformed);
        result.Reason.ShouldBe("no MessageSid");
    }

    [Fact]
    public void Parse_TamperedField_Unauthenticated()
    {
        var request = Signed(Status("undelivered", "30003"));

        var result = Sut().Parse(request with { Body = request.Body.Replace("30003", "30008", StringComparison.Ordinal) });

        result.Rejection.ShouldBe(WebhookRejection.Unauthenticated);
        result.Reason.ShouldBe("the signature does not verify");
    }

    [Fact]
    public void Parse_AddedField_Unauthenticated()
    {
        var request = Signed(Inbound("Bonjour"));

        Sut().Parse(request with { Body = request.Body + "&OptOutType=STOP" }).Rejection.ShouldBe(WebhookRejection.Unauthenticated);
    }

    [Fact]
    public void Parse_SignedForAnotherUrl_Unauthenticated()
    {
        var request = Signed(Status("delivered"), url: new Uri("https://monaspark.example/api/webhooks/other"));

        Sut().Parse(request with { Url = Url }).Rejection.ShouldBe(WebhookRejection.Unauthenticated);
    }

    [Fact]
    public void Parse_OtherAuthToken_Unauthenticated() =>
        Sut(token: "another-token").Parse(Signed(Status("delivered"))).Rejection.ShouldBe(WebhookRejection.Unauthenticated);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not-a-signature")]
    public void Parse_MissingOrWrongHeader_Unauthenticated(string? signature)
    {
        var request = Signed(Status("delivered"));
        var headers = signature is null ? new Dictionary<string, string>() : new Dictionary<string, string> { ["X-Twilio-Signature"] = signature };

        Sut().Parse(request with { Headers = headers }).Rejection.ShouldBe(WebhookRejection.Unauthenticated);
    }

    [Fact]
    public void Parse_UrlSignedWithDefaultPort_Verified()
    {
        var fields = Status("delivered");
        var request = Signed(fields) with
        {
            Headers = new Dictionary<string, string> { ["x-twilio-signature"] = TwilioSignature.Sign(AuthToken, "https://monaspark.example:443/api/webhooks/twilio", fields) },
        };

        Sut().Parse(request).Accepted.ShouldBeTrue();
    }

    [Fact]
    public void Parse_SignedWithHmacSha256AsTheSettingsHeaderSays_Verified()
    {
        var fields = Status("delivered");
        var request = Signed(fields) with
        {
            Headers = new Dictionary<string, string>
            {
                ["X-Twilio-Signature"] = TwilioSignature.Sign(AuthToken, Url.AbsoluteUri, fields, sha256: true),
                ["X-Twilio-Webhooks-Signature-Settings"] = "key=webhooks_sharedkey_1,algorithm=HMAC_SHA256",
            },
        };

        Sut().Parse(request).Accepted.ShouldBeTrue();
    }

    [Fact]
    public void Parse_SignedNonFormBody_Malformed()
    {
        var request = Signed([], body: """{"MessageSid":"SM1","MessageStatus":"delivered"}""", contentType: "application/json");

        var result = Sut().Parse(request);

        result.Rejection.ShouldBe(WebhookRejection.Malformed);
        result.Reason.ShouldBe("not a form body");
    }

    [Fact]
    public void Parse_JsonBodyCoveredByBodySha256_VerifiedThenMalformed_TamperedUnauthenticated()
    {
        const string body = """{"MessageSid":"SM1","MessageStatus":"delivered"}""";
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(body)));
        var url = new Uri($"https://monaspark.example/api/webhooks/twilio?bodySHA256={hash}");

        var request = Signed([], url: url, body: body, contentType: "application/json");

        Sut().Parse(request).Rejection.ShouldBe(WebhookRejection.Malformed);
        Sut().Parse(request with { Body = body.Replace("delivered", "failed", StringComparison.Ordinal) }).Rejection.ShouldBe(WebhookRejection.Unauthenticated);
    }

    [Fact]
    public void Parse_FormWithCharsetParameter_IsAForm() =>
        Sut().Parse(Signed(Status("delivered"), contentType: "application/x-www-form-urlencoded; charset=utf-8")).Accepted.ShouldBeTrue();

    [Fact]
    public void Provider_IsTwilio() => Sut().Provider.ShouldBe("twilio");

    [Fact]
    public void Constructor_NoAuthToken_Throws() =>
        Should.Throw<InvalidOperationException>(() => new TwilioWebhook(Options.Create(new TwilioOptions()), _time, NullLogger<TwilioWebhook>.Instance));
}
