using System.Net;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MonaSpark.Adapters.Messaging.Sms;
using MonaSpark.Application.Ports;
using Twilio.Exceptions;

namespace MonaSpark.Adapters.Messaging.Tests;

public sealed class TwilioSmsChannelTests : IDisposable
{
    private const string AccountSid = "AC0123456789abcdef0123456789abcdef";
    private const string AuthToken = "test-auth-token-value";
    private const string MessageSid = "SM1234567890abcdef1234567890abcdef";
    private const string Created = $$"""
        {"sid":"{{MessageSid}}","account_sid":"{{AccountSid}}","to":"+33612345678","from":"+33757000000","body":"Luna","status":"queued",
         "num_segments":"1","direction":"outbound-api","api_version":"2010-04-01","price":null,"error_code":null,"error_message":null,
         "uri":"/2010-04-01/Accounts/{{AccountSid}}/Messages/{{MessageSid}}.json","date_created":"Sun, 01 Nov 2026 12:00:00 +0000"}
        """;

    private readonly RecordingHandler _http = new();

    public void Dispose() => _http.Dispose();

    private TwilioSmsChannel Sut(string from = "+33757000000", string? callback = "https://monaspark.example/api/webhooks/twilio") =>
        new(_http, Options.Create(new TwilioOptions
        {
            AccountSid = AccountSid,
            AuthToken = AuthToken,
            From = from,
            StatusCallbackUrl = callback is null ? null : new Uri(callback),
        }), NullLogger<TwilioSmsChannel>.Instance);

    private static Dictionary<string, string> Form(string body) =>
        body.Split('&').Select(p => p.Split('=')).ToDictionary(p => Uri.UnescapeDataString(p[0].Replace('+', ' ')), p => Uri.UnescapeDataString(p[1].Replace('+', ' ')));

    [Fact]
    public async Task SendAsync_201_PostsTheDocumentedForm_AndReturnsTheSid()
    {
        _http.Answer(HttpStatusCode.Created, Created);

        var result = await Sut().SendAsync(Outreach.Sms());

        result.ShouldBe(new SendResult(true, MessageSid, null));
        var sent = _http.Single;
        sent.Request.Method.ShouldBe(HttpMethod.Post);
        sent.Request.RequestUri.ShouldBe(new Uri($"https://api.twilio.com/2010-04-01/Accounts/{AccountSid}/Messages.json"));
        sent.Request.Headers.Authorization!.Scheme.ShouldBe("Basic");
        sent.Request.Headers.Authorization.Parameter.ShouldBe(Convert.ToBase64String(Encoding.UTF8.GetBytes($"{AccountSid}:{AuthToken}")));
        sent.Request.Content!.Headers.ContentType!.MediaType.ShouldBe("application/x-www-form-urlencoded");
        Form(sent.Text).ShouldBe(new Dictionary<string, string>
        {
            ["To"] = "+33612345678",
            ["From"] = "+33757000000",
            ["Body"] = "Luna, +38 % en 28 jours. STOP au 36180",
            ["StatusCallback"] = "https://monaspark.example/api/webhooks/twilio",
        }, ignoreOrder: true);
        sent.Text.ShouldContain("To=%2B33612345678");
        _http.Names.ShouldBe([TwilioSmsChannel.HttpClientName]);
    }

    [Fact]
    public async Task SendAsync_ConfiguredMessagingService_SentAsMessagingServiceSid()
    {
        _http.Answer(HttpStatusCode.Created, Created);

        await Sut(from: "MG0123456789abcdef0123456789abcdef", callback: null).SendAsync(Outreach.Sms());

        Form(_http.Single.Text).ShouldBe(new Dictionary<string, string>
        {
            ["To"] = "+33612345678",
            ["MessagingServiceSid"] = "MG0123456789abcdef0123456789abcdef",
            ["Body"] = "Luna, +38 % en 28 jours. STOP au 36180",
        }, ignoreOrder: true);
    }

    [Theory]
    [InlineData("+33757111111")]
    [InlineData("MonaSpark")]
    public async Task SendAsync_MessageNamesASender_ItIsTheFrom(string sender)
    {
        _http.Answer(HttpStatusCode.Created, Created);

        await Sut().SendAsync(Outreach.Sms() with { Sender = sender });

        Form(_http.Single.Text)["From"].ShouldBe(sender);
    }

    [Theory]
    [InlineData("0612345678")]
    [InlineData("33612345678")]
    [InlineData("+33 6 12 34 56 78")]
    [InlineData("+0612345678")]
    [InlineData("+3361234567890123")]
    [InlineData("booking@luna.example")]
    [InlineData("")]
    public async Task SendAsync_RecipientNotE164_RefusedWithoutCallingTwilio(string to)
    {
        var result = await Sut().SendAsync(Outreach.Sms(to: to));

        result.ShouldBe(new SendResult(false, null, "the recipient is not an E.164 number"));
        _http.Requests.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("not a sender!")]
    [InlineData("TwelveLetter")]
    [InlineData("0612345678")]
    public async Task SendAsync_SenderNotUsable_RefusedWithoutCallingTwilio(string sender)
    {
        var result = await Sut().SendAsync(Outreach.Sms() with { Sender = sender });

        result.ShouldBe(new SendResult(false, null, "the sender is not an E.164 number, a Messaging Service SID or an alphanumeric sender id"));
        _http.Requests.ShouldBeEmpty();
    }

    [Theory]
    [InlineData(21610, "Twilio 21610: the recipient has opted out (STOP) (HTTP 400)")]
    [InlineData(21211, "Twilio 21211: invalid 'To' number (HTTP 400)")]
    [InlineData(21614, "Twilio 21614: the 'To' number is not a mobile number (HTTP 400)")]
    [InlineData(21999, "Twilio 21999: refused (HTTP 400)")]
    public async Task SendAsync_TwilioRefusal_RefusedWithTheCode_NeverTheNumber(int code, string error)
    {
        _http.Answer(HttpStatusCode.BadRequest, $$"""{"code":{{code}},"message":"The 'To' number +33612345678 is not valid.","more_info":"https://www.twilio.com/docs/errors/{{code}}","status":400}""");

        var result = await Sut().SendAsync(Outreach.Sms());

        result.ShouldBe(new SendResult(false, null, error));
    }

    [Fact]
    public async Task SendAsync_4xxWithoutJson_RefusedWithTheStatus()
    {
        _http.Answer(HttpStatusCode.NotFound, "<html>not found</html>", "text/html");

        var result = await Sut().SendAsync(Outreach.Sms());

        result.ShouldBe(new SendResult(false, null, "Twilio refused the message (HTTP 404)"));
    }

    [Theory]
    [InlineData(HttpStatusCode.TooManyRequests, """{"code":20429,"message":"Too Many Requests","more_info":"https://www.twilio.com/docs/errors/20429","status":429}""")]
    [InlineData(HttpStatusCode.InternalServerError, """{"code":20500,"message":"Internal Server Error","status":500}""")]
    [InlineData(HttpStatusCode.ServiceUnavailable, "<html>Service Unavailable</html>")]
    [InlineData(HttpStatusCode.Unauthorized, """{"code":20003,"message":"Authenticate","more_info":"https://www.twilio.com/docs/errors/20003","status":401}""")]
    public async Task SendAsync_TransientOrCredentialsFailure_ThrowsWithTheStatus(HttpStatusCode status, string body)
    {
        _http.Answer(status, body);

        var thrown = await Should.ThrowAsync<HttpRequestException>(() => Sut().SendAsync(Outreach.Sms()));

        thrown.StatusCode.ShouldBe(status);
        thrown.Message.ShouldNotContain("+33612345678");
        thrown.Message.ShouldNotContain(AuthToken);
        thrown.InnerException.ShouldBeNull();
    }

    [Fact]
    public async Task SendAsync_NetworkFailure_Throws()
    {
        _http.Fail(new HttpRequestException("connection reset"));

        await Should.ThrowAsync<ApiConnectionException>(() => Sut().SendAsync(Outreach.Sms()));
    }

    [Fact]
    public async Task SendAsync_NoCredentials_ThrowsNamingTheSettings()
    {
        var sut = new TwilioSmsChannel(_http, Options.Create(new TwilioOptions { From = "+33757000000" }), NullLogger<TwilioSmsChannel>.Instance);

        var thrown = await Should.ThrowAsync<InvalidOperationException>(() => sut.SendAsync(Outreach.Sms()));

        thrown.Message.ShouldBe("MonaSpark:Twilio:AccountSid and AuthToken are not set.");
    }

    [Fact]
    public async Task SendAsync_NotAnSms_Throws() =>
        await Should.ThrowAsync<ArgumentException>(() => Sut().SendAsync(Outreach.Email()));
}
