using System.Globalization;
using System.Net;
using MonaSpark.Application.Work;
using MonaSpark.Domain.Commerce;

namespace MonaSpark.Adapters.Payments.Tests;

public sealed class CreateCheckoutTests
{
    private static readonly DateTimeOffset ExpectedExpiry = new(2026, 11, 2, 11, 55, 0, TimeSpan.Zero);

    private static string Unix(DateTimeOffset at) => at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

    [Fact]
    public async Task CreateCheckout_MonthlyPlanInEur_PostsTheDocumentedForm()
    {
        var stub = new StripeStub().Answer(HttpStatusCode.OK, StripeJson.Session("cs_test_a1monthly", expiresAt: ExpectedExpiry));
        var sut = TestGateway.Create(stub);

        var session = await sut.CreateCheckoutAsync(TestGateway.Request());

        var sent = stub.Requests.ShouldHaveSingleItem();
        sent.Method.ShouldBe(HttpMethod.Post);
        sent.Uri.ShouldBe(new Uri("https://api.stripe.com/v1/checkout/sessions"));
        sent.ContentType.ShouldBe("application/x-www-form-urlencoded");
        sent.Form.ShouldBe(
        [
            KeyValuePair.Create("cancel_url", "https://monaspark.example/l/tok123"),
            KeyValuePair.Create("client_reference_id", "art-0123456789abcdef0123"),
            KeyValuePair.Create("expires_at", Unix(ExpectedExpiry)),
            KeyValuePair.Create("line_items[0][price_data][currency]", "eur"),
            KeyValuePair.Create("line_items[0][price_data][product_data][name]", "Growth plan"),
            KeyValuePair.Create("line_items[0][price_data][recurring][interval]", "month"),
            KeyValuePair.Create("line_items[0][price_data][unit_amount]", "1900"),
            KeyValuePair.Create("line_items[0][quantity]", "1"),
            KeyValuePair.Create("metadata[artist_id]", "art-0123456789abcdef0123"),
            KeyValuePair.Create("metadata[offer_id]", "growth"),
            KeyValuePair.Create("mode", "subscription"),
            KeyValuePair.Create("subscription_data[metadata][artist_id]", "art-0123456789abcdef0123"),
            KeyValuePair.Create("subscription_data[metadata][offer_id]", "growth"),
            KeyValuePair.Create("success_url", "https://monaspark.example/l/tok123/paid"),
        ],
        ignoreOrder: true);
        sent.Header("Idempotency-Key").ShouldBe("journey-1:open");
        sent.Header("Authorization").ShouldBe("Bearer " + TestGateway.SecretKey);
        // Stripe.net 53.1.0 pins the API version its models are generated for.
        sent.Header("Stripe-Version").ShouldBe("2026-10-28.endive");
        session.Id.ShouldBe("cs_test_a1monthly");
        session.Url.ShouldBe(new Uri("https://checkout.stripe.com/c/pay/cs_test_a1monthly#fidkdWxOYHwnPyd1blpxYHZxWjA0"));
        session.ExpiresAt.ShouldBe(ExpectedExpiry);
    }

    [Fact]
    public async Task CreateCheckout_YearlyPlanInJpy_SendsWholeYenAndAYearlyInterval()
    {
        var stub = new StripeStub().Answer(HttpStatusCode.OK, StripeJson.Session("cs_test_a1yearly", currency: "jpy", amount: 3000));
        var sut = TestGateway.Create(stub);

        await sut.CreateCheckoutAsync(TestGateway.Request(BillingPeriod.Yearly, new Money(3000, TestGateway.Jpy)));

        var sent = stub.Requests.ShouldHaveSingleItem();
        sent.Field("line_items[0][price_data][currency]").ShouldBe("jpy");
        sent.Field("line_items[0][price_data][unit_amount]").ShouldBe("3000");
        sent.Field("line_items[0][price_data][recurring][interval]").ShouldBe("year");
        sent.Field("mode").ShouldBe("subscription");
    }

    [Fact]
    public async Task CreateCheckout_OneOffOffer_PaymentModeWithoutRecurring()
    {
        var stub = new StripeStub().Answer(HttpStatusCode.OK, StripeJson.Session("cs_test_a1oneoff", mode: "payment"));
        var sut = TestGateway.Create(stub);

        await sut.CreateCheckoutAsync(TestGateway.Request(BillingPeriod.OneOff));

        var sent = stub.Requests.ShouldHaveSingleItem();
        sent.Field("mode").ShouldBe("payment");
        sent.Field("line_items[0][price_data][unit_amount]").ShouldBe("1900");
        sent.Form.ShouldNotContain(kv => kv.Key.Contains("recurring", StringComparison.Ordinal));
        sent.Form.ShouldNotContain(kv => kv.Key.StartsWith("subscription_data", StringComparison.Ordinal));
    }

    [Fact]
    public async Task CreateCheckout_KeyFirstUsedInThePreviousHour_ResendsThatHoursFormAndGetsTheSession()
    {
        var stub = new StripeStub()
            .Answer(HttpStatusCode.BadRequest, StripeJson.Error("idempotency_error", "Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than 'journey-1:open' if you meant to execute a different request."))
            .Answer(HttpStatusCode.OK, StripeJson.Session("cs_test_a1replayed"));
        var sut = TestGateway.Create(stub);

        var session = await sut.CreateCheckoutAsync(TestGateway.Request());

        session.Id.ShouldBe("cs_test_a1replayed");
        stub.Requests.Count.ShouldBe(2);
        stub.Requests[1].Header("Idempotency-Key").ShouldBe("journey-1:open");
        stub.Requests[1].Field("expires_at").ShouldBe(Unix(ExpectedExpiry.AddHours(-1)));
        stub.Requests[1].Form.Where(kv => kv.Key != "expires_at").ShouldBe(stub.Requests[0].Form.Where(kv => kv.Key != "expires_at"));
    }

    [Fact]
    public async Task CreateCheckout_KeyUsedWithAnotherForm_ThrowsPermanentAfterOneResend()
    {
        const string conflict = "Keys for idempotent requests can only be used with the same parameters they were first used with.";
        var stub = new StripeStub()
            .Answer(HttpStatusCode.BadRequest, StripeJson.Error("idempotency_error", conflict))
            .Answer(HttpStatusCode.BadRequest, StripeJson.Error("idempotency_error", conflict));
        var sut = TestGateway.Create(stub);

        var ex = await Should.ThrowAsync<PermanentWorkException>(() => sut.CreateCheckoutAsync(TestGateway.Request()));

        stub.Requests.Count.ShouldBe(2);
        ex.Message.ShouldContain("idempotency_error");
    }

    [Fact]
    public async Task CreateCheckout_CardDeclined402_ThrowsAClearPermanentErrorWithoutTheKey()
    {
        var stub = new StripeStub().Answer(HttpStatusCode.PaymentRequired, StripeJson.Error("card_error", "Your card was declined.", code: "card_declined", declineCode: "generic_decline"));
        var sut = TestGateway.Create(stub);

        var ex = await Should.ThrowAsync<PermanentWorkException>(() => sut.CreateCheckoutAsync(TestGateway.Request()));

        ex.Message.ShouldBe("Stripe refused to open a checkout session (HTTP 402, card_error, code card_declined, decline code generic_decline, request req_00000000000001): Your card was declined.");
        ex.InnerException.ShouldBeNull();
    }

    [Fact]
    public async Task CreateCheckout_InvalidRequest400_NamesTheParameter()
    {
        var stub = new StripeStub().Answer(HttpStatusCode.BadRequest, StripeJson.Error("invalid_request_error", "The `expires_at` timestamp must be less than 24 hours from Checkout Session creation.", param: "expires_at"));
        var sut = TestGateway.Create(stub);

        var ex = await Should.ThrowAsync<PermanentWorkException>(() => sut.CreateCheckoutAsync(TestGateway.Request()));

        ex.Message.ShouldContain("HTTP 400, invalid_request_error, param expires_at");
        ex.Message.ShouldContain("must be less than 24 hours");
    }

    [Fact]
    public async Task CreateCheckout_RevokedKey401_MessageMasksTheKeyStripeQuotes()
    {
        var stub = new StripeStub().Answer(HttpStatusCode.Unauthorized, StripeJson.Error("invalid_request_error", "Invalid API Key provided: sk_test_****************************cdef"));
        var logger = new ListLogger<StripePaymentGateway>();
        var sut = TestGateway.Create(stub, logger: logger);

        var ex = await Should.ThrowAsync<PermanentWorkException>(() => sut.CreateCheckoutAsync(TestGateway.Request()));

        ex.Message.ShouldBe("Stripe refused to open a checkout session (HTTP 401, invalid_request_error, request req_00000000000001): Invalid API Key provided: [redacted]");
        ex.ToString().ShouldNotContain("sk_test");
        logger.Lines.ShouldAllBe(line => !line.Message.Contains("sk_test", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(HttpStatusCode.InternalServerError, "api_error")]
    [InlineData(HttpStatusCode.TooManyRequests, "invalid_request_error")]
    [InlineData(HttpStatusCode.Conflict, "idempotency_error")]
    public async Task CreateCheckout_RetryableAnswer_ThrowsHttpRequestExceptionAfterOneAttempt(HttpStatusCode status, string type)
    {
        var stub = new StripeStub().Answer(status, StripeJson.Error(type, "Sorry, try again shortly."));
        var sut = TestGateway.Create(stub);

        var ex = await Should.ThrowAsync<HttpRequestException>(() => sut.CreateCheckoutAsync(TestGateway.Request()));

        ex.StatusCode.ShouldBe(status);
        ex.Message.ShouldContain("can be retried");
        ex.ToString().ShouldNotContain(TestGateway.SecretKey);
        stub.Requests.ShouldHaveSingleItem("the SDK's own retries are off: the caller's policy retries");
    }

    [Fact]
    public async Task CreateCheckout_GatewayErrorPageInsteadOfJson_IsStillRetryable()
    {
        var stub = new StripeStub().Answer(HttpStatusCode.BadGateway, "<html><body><h1>502 Bad Gateway</h1></body></html>");
        var sut = TestGateway.Create(stub);

        var ex = await Should.ThrowAsync<HttpRequestException>(() => sut.CreateCheckoutAsync(TestGateway.Request()));

        ex.StatusCode.ShouldBe(HttpStatusCode.BadGateway);
    }

    [Fact]
    public async Task CreateCheckout_NoAnswer_ThrowsHttpRequestException()
    {
        var stub = new StripeStub().Fail(new HttpRequestException("Connection refused (api.stripe.com:443)"));
        var sut = TestGateway.Create(stub);

        var ex = await Should.ThrowAsync<HttpRequestException>(() => sut.CreateCheckoutAsync(TestGateway.Request()));

        ex.StatusCode.ShouldBeNull();
        ex.ToString().ShouldNotContain(TestGateway.SecretKey);
    }

    [Fact]
    public async Task CreateCheckout_ConfiguredApiBase_IsCalledInstead()
    {
        var stub = new StripeStub().Answer(HttpStatusCode.OK, StripeJson.Session("cs_test_a1local"));
        var sut = TestGateway.Create(stub, new StripeOptions { SecretKey = TestGateway.SecretKey, ApiBase = new Uri("http://127.0.0.1:12111/") });

        await sut.CreateCheckoutAsync(TestGateway.Request());

        stub.Requests.ShouldHaveSingleItem().Uri.ShouldBe(new Uri("http://127.0.0.1:12111/v1/checkout/sessions"));
    }

    [Fact]
    public async Task CreateCheckout_Opened_LogsIdsButNoUrlOrKey()
    {
        var stub = new StripeStub().Answer(HttpStatusCode.OK, StripeJson.Session("cs_test_a1logged"));
        var logger = new ListLogger<StripePaymentGateway>();
        var sut = TestGateway.Create(stub, logger: logger);

        await sut.CreateCheckoutAsync(TestGateway.Request());

        var line = logger.Lines.ShouldHaveSingleItem().Message;
        line.ShouldContain("cs_test_a1logged");
        line.ShouldNotContain("checkout.stripe.com");
        line.ShouldNotContain("sk_test");
    }
}
