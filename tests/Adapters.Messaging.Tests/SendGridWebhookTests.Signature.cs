using System.Globalization;
using System.Security.Cryptography;
using MonaSpark.Application.Ports;

namespace MonaSpark.Adapters.Messaging.Tests;

public sealed partial class SendGridWebhookTests
{
    [Fact]
    public void Parse_HeaderNamesInLowerCase_Verified()
    {
        var body = $"[{Event("delivered")}]";
        var timestamp = Now.ToString(CultureInfo.InvariantCulture);
        var headers = new Dictionary<string, string> { [SignatureHeader.ToLowerInvariant()] = Sign(timestamp, body), [TimestampHeader.ToLowerInvariant()] = timestamp };

        Sut().Parse(new WebhookRequest(Url, headers, "application/json", body)).Accepted.ShouldBeTrue();
    }

    [Fact]
    public void Parse_TamperedBody_Unauthenticated()
    {
        var body = $"[{Event("delivered")}]";
        var timestamp = Now.ToString(CultureInfo.InvariantCulture);

        var result = Sut().Parse(Request(body.Replace("delivered", "spamreport", StringComparison.Ordinal), Sign(timestamp, body), timestamp));

        result.Rejection.ShouldBe(WebhookRejection.Unauthenticated);
        result.Reason.ShouldBe("the signature does not verify");
        result.Events.ShouldBeEmpty();
    }

    [Fact]
    public void Parse_TimestampHeaderNotTheSignedOne_Unauthenticated()
    {
        var body = $"[{Event("delivered")}]";

        var result = Sut().Parse(Request(body, Sign((Now - 1).ToString(CultureInfo.InvariantCulture), body), Now.ToString(CultureInfo.InvariantCulture)));

        result.Rejection.ShouldBe(WebhookRejection.Unauthenticated);
    }

    [Fact]
    public void Parse_SignedWithAnotherKey_Unauthenticated()
    {
        using var other = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var body = $"[{Event("delivered")}]";
        var timestamp = Now.ToString(CultureInfo.InvariantCulture);

        Sut().Parse(Request(body, Sign(timestamp, body, other), timestamp)).Rejection.ShouldBe(WebhookRejection.Unauthenticated);
    }

    [Theory]
    [InlineData("not base64 at all!")]
    [InlineData("")]
    [InlineData("MAYCAQACAQA=")] // DER SEQUENCE { INTEGER 0, INTEGER 0 }: the "psychic signature" (r = s = 0)
    [InlineData("AAAA")]
    public void Parse_SignatureGarbageOrZero_UnauthenticatedWithoutThrowing(string signature)
    {
        var result = Sut().Parse(Request($"[{Event("delivered")}]", signature, Now.ToString(CultureInfo.InvariantCulture)));

        result.Rejection.ShouldBe(WebhookRejection.Unauthenticated);
    }

    [Fact]
    public void Parse_MissingHeaders_Unauthenticated()
    {
        var body = $"[{Event("delivered")}]";
        var timestamp = Now.ToString(CultureInfo.InvariantCulture);

        Sut().Parse(Request(body, null, timestamp)).Rejection.ShouldBe(WebhookRejection.Unauthenticated);
        Sut().Parse(Request(body, Sign(timestamp, body), null)).Rejection.ShouldBe(WebhookRejection.Unauthenticated);
        Sut().Parse(Request(body, null, null)).Reason.ShouldBe("missing signature or timestamp header");
    }

    [Theory]
    [InlineData(-301, false)]
    [InlineData(-300, true)]
    [InlineData(0, true)]
    [InlineData(300, true)]
    [InlineData(301, false)]
    [InlineData(-86_400, false)]
    public void Parse_TimestampTolerance_FiveMinutesEitherWay(int offsetSeconds, bool accepted)
    {
        var result = Sut().Parse(Signed($"[{Event("delivered")}]", at: Now + offsetSeconds));

        result.Accepted.ShouldBe(accepted);
        if (!accepted)
        {
            result.Rejection.ShouldBe(WebhookRejection.Unauthenticated);
            result.Reason.ShouldBe("the timestamp is outside the tolerance");
        }
    }

    [Theory]
    [InlineData("yesterday")]
    [InlineData("-1600000000")]
    [InlineData("1.7e9")]
    [InlineData("99999999999999999999")]
    public void Parse_TimestampNotUnixSeconds_Unauthenticated(string timestamp)
    {
        var body = $"[{Event("delivered")}]";

        var result = Sut().Parse(Request(body, Sign(timestamp, body), timestamp));

        result.Rejection.ShouldBe(WebhookRejection.Unauthenticated);
        result.Reason.ShouldBe("the timestamp is not a Unix time");
    }
}
