using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using MonaSpark.Adapters.Messaging.Mail;
using MonaSpark.Application.Ports;
using MonaSpark.Domain.Artists;
using MonaSpark.Domain.Outreach;
using MonaSpark.TestKit;

namespace MonaSpark.Adapters.Messaging.Tests;

/// <summary>SendGrid's Event Webhook: events (here) and signature verification (the other part).</summary>
public sealed partial class SendGridWebhookTests : IDisposable
{
    private const string SignatureHeader = "X-Twilio-Email-Event-Webhook-Signature";
    private const string TimestampHeader = "X-Twilio-Email-Event-Webhook-Timestamp";
    private static readonly Uri Url = new("https://monaspark.example/api/webhooks/sendgrid");
    private static readonly long Now = Samples.Epoch.ToUnixTimeSeconds();

    // SendGrid's key pair: the test signs with the private half, as SendGrid does.
    private readonly ECDsa _sendGrid = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private readonly FakeTimeProvider _time = new(Samples.Epoch);

    public void Dispose() => _sendGrid.Dispose();

    private SendGridWebhook Sut() =>
        new(Options.Create(new SendGridOptions { WebhookPublicKey = Convert.ToBase64String(_sendGrid.ExportSubjectPublicKeyInfo()) }), _time, NullLogger<SendGridWebhook>.Instance);

    private string Sign(string timestamp, string body, ECDsa? key = null) =>
        Convert.ToBase64String((key ?? _sendGrid).SignData(Encoding.UTF8.GetBytes(timestamp + body), HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence));

    private WebhookRequest Signed(string body, long? at = null, string? signature = null, string? timestamp = null)
    {
        var signedTimestamp = (at ?? Now).ToString(CultureInfo.InvariantCulture);
        return Request(body, signature ?? Sign(signedTimestamp, body), timestamp ?? signedTimestamp);
    }

    private static WebhookRequest Request(string body, string? signature, string? timestamp)
    {
        var headers = new Dictionary<string, string>();
        if (signature is not null)
        {
            headers[SignatureHeader] = signature;
        }

        if (timestamp is not null)
        {
            headers[TimestampHeader] = timestamp;
        }

        return new WebhookRequest(Url, headers, "application/json", body);
    }

    private static string Event(string type, string extra = "", string id = "ev-1") =>
        $$"""{"email":"booking@luna.example","timestamp":{{Now - 60}},"event":"{{type}}","sg_event_id":"{{id}}","sg_message_id":"W3pZ8UukQ6KqOOuBbqV7Jw.filterdrecv-p3mdw1-756b745b58-kmzbl-18-5F5FC76C-9.0","monaspark_message_id":"journey-1:draft-1"{{extra}}}""";

    [Fact]
    public void Parse_SignedDelivered_MapsEveryField()
    {
        var result = Sut().Parse(Signed($"[{Event("delivered", ""","response":"250 2.0.0 OK 1604000000 ok" """)}]"));

        result.Accepted.ShouldBeTrue();
        result.Reply.ShouldBeNull();
        result.Events.ShouldHaveSingleItem().ShouldBe(new DeliveryEvent(
            "sendgrid", "ev-1", DeliveryEventKind.Delivered, ContactChannel.Email, "W3pZ8UukQ6KqOOuBbqV7Jw", "booking@luna.example",
            DateTimeOffset.FromUnixTimeSeconds(Now - 60), "250 2.0.0 OK 1604000000 ok"));
    }

    [Theory]
    [InlineData("delivered", "", DeliveryEventKind.Delivered, null)]
    [InlineData("deferred", ""","response":"400 try again later" """, DeliveryEventKind.Deferred, "400 try again later")]
    [InlineData("bounce", ""","type":"bounce","reason":"550 5.1.1 The email account does not exist" """, DeliveryEventKind.Bounced, "550 5.1.1 The email account does not exist")]
    [InlineData("bounce", ""","type":"blocked","reason":"421 4.7.0 Try again later" """, DeliveryEventKind.Deferred, "421 4.7.0 Try again later")]
    [InlineData("bounce", ""","reason":"550 no such user" """, DeliveryEventKind.Bounced, "550 no such user")]
    [InlineData("dropped", ""","reason":"Bounced Address" """, DeliveryEventKind.Bounced, "Bounced Address")]
    [InlineData("dropped", ""","reason":"Spam Reporting Address" """, DeliveryEventKind.Complained, "Spam Reporting Address")]
    [InlineData("dropped", ""","reason":"Unsubscribed Address" """, DeliveryEventKind.OptedOut, "Unsubscribed Address")]
    [InlineData("dropped", ""","reason":"Invalid SMTPAPI header" """, DeliveryEventKind.Deferred, "Invalid SMTPAPI header")]
    [InlineData("spamreport", "", DeliveryEventKind.Complained, null)]
    [InlineData("open", ""","useragent":"Mozilla/5.0","ip":"203.0.113.9" """, DeliveryEventKind.Opened, null)]
    [InlineData("click", ""","url":"https://monaspark.example/l/tok123" """, DeliveryEventKind.Clicked, "https://monaspark.example/l/tok123")]
    [InlineData("unsubscribe", "", DeliveryEventKind.OptedOut, "unsubscribe")]
    [InlineData("group_unsubscribe", ""","asm_group_id":42 """, DeliveryEventKind.OptedOut, "group_unsubscribe 42")]
    [InlineData("group_resubscribe", ""","asm_group_id":42 """, DeliveryEventKind.OptedIn, "group_resubscribe 42")]
    public void Parse_EachEventType_MapsToItsKind(string type, string extra, DeliveryEventKind kind, string? detail)
    {
        var result = Sut().Parse(Signed($"[{Event(type, extra.TrimEnd())}]"));

        var mapped = result.Events.ShouldHaveSingleItem();
        mapped.Kind.ShouldBe(kind);
        mapped.Detail.ShouldBe(detail);
        mapped.ProviderMessageId.ShouldBe("W3pZ8UukQ6KqOOuBbqV7Jw");
    }

    [Fact]
    public void Parse_ProcessedAndUnknownEvents_AreSkipped_OthersKeptInOrder()
    {
        var body = $"[{Event("processed", id: "ev-p")},{Event("delivered", id: "ev-d")},{Event("something_new", id: "ev-x")},{Event("open", id: "ev-o")}]";

        var result = Sut().Parse(Signed(body));

        result.Accepted.ShouldBeTrue();
        result.Events.Select(e => (e.EventId, e.Kind)).ShouldBe([("ev-d", DeliveryEventKind.Delivered), ("ev-o", DeliveryEventKind.Opened)]);
    }

    [Fact]
    public void Parse_EventWithoutIdOrTimestamp_IdFromItsContent_DatedWhenSigned()
    {
        const string first = """{"email":"booking@luna.example","event":"open","sg_message_id":"abc.1"}""";
        const string second = """{"email":"booking@luna.example","event":"open","sg_message_id":"abc.2"}""";

        var events = Sut().Parse(Signed($"[{first},{second}]", at: Now - 30)).Events;

        events[0].EventId.ShouldStartWith("sha:");
        events[0].EventId.Length.ShouldBe(36);
        events[0].EventId.ShouldBe(Sut().Parse(Signed($"[{first}]")).Events.Single().EventId);
        events[1].EventId.ShouldNotBe(events[0].EventId);
        events[0].OccurredAt.ShouldBe(DateTimeOffset.FromUnixTimeSeconds(Now - 30));
        events[0].ProviderMessageId.ShouldBe("abc");
    }

    [Fact]
    public void Parse_LongReason_DetailCutTo200()
    {
        var reason = new string('x', 500);

        var mapped = Sut().Parse(Signed($"[{Event("bounce", $",\"reason\":\"{reason}\"")}]")).Events.Single();

        mapped.Detail.ShouldBe(new string('x', 200));
    }

    [Theory]
    [InlineData("{\"event\":\"delivered\"}", "the body is not a JSON array of events")]
    [InlineData("not json", "the body is not JSON")]
    [InlineData("[1, 2]", "an event is not a JSON object")]
    [InlineData("", "the body is not JSON")]
    public void Parse_SignedButNotAnEventBatch_Malformed(string body, string reason)
    {
        var result = Sut().Parse(Signed(body));

        result.Rejection.ShouldBe(WebhookRejection.Malformed);
        result.Reason.ShouldBe(reason);
    }

    [Fact]
    public void Parse_EventWithoutEmailOrType_Skipped()
    {
        var result = Sut().Parse(Signed("""[{"event":"delivered","sg_event_id":"a"},{"email":"x@example.com","sg_event_id":"b"}]"""));

        result.Accepted.ShouldBeTrue();
        result.Events.ShouldBeEmpty();
    }

    [Fact]
    public void Provider_IsSendGrid() => Sut().Provider.ShouldBe("sendgrid");

    [Fact]
    public void Constructor_NoVerificationKey_Throws() =>
        Should.Throw<InvalidOperationException>(() => new SendGridWebhook(Options.Create(new SendGridOptions()), _time, NullLogger<SendGridWebhook>.Instance));
}
