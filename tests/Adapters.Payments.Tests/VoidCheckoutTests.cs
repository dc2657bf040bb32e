using System.Net;
using Microsoft.Extensions.Logging;
using MonaSpark.Application.Work;

namespace MonaSpark.Adapters.Payments.Tests;

public sealed class VoidCheckoutTests
{
    private const string NotOpen = "Only Checkout Sessions with a status in [\"open\"] can be expired. This Checkout Session has a status of `{0}`.";

    private static string NotOpenMessage(string status) => NotOpen.Replace("{0}", status, StringComparison.Ordinal);

    [Fact]
    public async Task VoidCheckout_OpenSession_PostsExpireWithTheKey()
    {
        var stub = new StripeStub().Answer(HttpStatusCode.OK, StripeJson.Session("cs_test_a1void", status: "expired"));
        var sut = TestGateway.Create(stub);

        await sut.VoidCheckoutAsync("cs_test_a1void", "journey-1:void");

        var sent = stub.Requests.ShouldHaveSingleItem();
        sent.Method.ShouldBe(HttpMethod.Post);
        sent.Uri.ShouldBe(new Uri("https://api.stripe.com/v1/checkout/sessions/cs_test_a1void/expire"));
        sent.Header("Idempotency-Key").ShouldBe("journey-1:void");
        sent.Header("Authorization").ShouldBe("Bearer " + TestGateway.SecretKey);
        sent.Body.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("complete", LogLevel.Warning)]
    [InlineData("expired", LogLevel.Information)]
    public async Task VoidCheckout_SessionNoLongerOpen_IsDone(string status, LogLevel logged)
    {
        var stub = new StripeStub()
            .Answer(HttpStatusCode.BadRequest, StripeJson.Error("invalid_request_error", NotOpenMessage(status)))
            .Answer(HttpStatusCode.OK, StripeJson.Session("cs_test_a1closed", status: status));
        var logger = new ListLogger<StripePaymentGateway>();
        var sut = TestGateway.Create(stub, logger: logger);

        await sut.VoidCheckoutAsync("cs_test_a1closed", "journey-1:void");

        stub.Requests.Count.ShouldBe(2);
        stub.Requests[1].Method.ShouldBe(HttpMethod.Get);
        stub.Requests[1].Uri.ShouldBe(new Uri("https://api.stripe.com/v1/checkout/sessions/cs_test_a1closed"));
        logger.Lines.ShouldHaveSingleItem().Level.ShouldBe(logged);
    }

    [Fact]
    public async Task VoidCheckout_RefusedWhileStillOpen_ThrowsTheRefusal()
    {
        var stub = new StripeStub()
            .Answer(HttpStatusCode.BadRequest, StripeJson.Error("invalid_request_error", "This Checkout Session cannot be expired right now."))
            .Answer(HttpStatusCode.OK, StripeJson.Session("cs_test_a1open"));
        var sut = TestGateway.Create(stub);

        var ex = await Should.ThrowAsync<PermanentWorkException>(() => sut.VoidCheckoutAsync("cs_test_a1open", "journey-1:void"));

        ex.Message.ShouldStartWith("Stripe refused to expire a checkout session (HTTP 400, invalid_request_error, request req_00000000000001)");
    }

    [Fact]
    public async Task VoidCheckout_UnknownSession404_ThrowsPermanentWithoutReading()
    {
        var stub = new StripeStub().Answer(HttpStatusCode.NotFound, StripeJson.Error("invalid_request_error", "No such checkout.session: 'cs_test_a1gone'", code: "resource_missing", param: "session"));
        var sut = TestGateway.Create(stub);

        var ex = await Should.ThrowAsync<PermanentWorkException>(() => sut.VoidCheckoutAsync("cs_test_a1gone", "journey-1:void"));

        ex.Message.ShouldContain("code resource_missing");
        stub.Requests.ShouldHaveSingleItem();
    }

    [Fact]
    public async Task VoidCheckout_ServerError500_Propagates()
    {
        var stub = new StripeStub().Answer(HttpStatusCode.InternalServerError, StripeJson.Error("api_error", "Sorry, something went wrong."));
        var sut = TestGateway.Create(stub);

        var ex = await Should.ThrowAsync<HttpRequestException>(() => sut.VoidCheckoutAsync("cs_test_a1void", "journey-1:void"));

        ex.StatusCode.ShouldBe(HttpStatusCode.InternalServerError);
        stub.Requests.ShouldHaveSingleItem();
    }

    [Fact]
    public async Task VoidCheckout_ReadingTheSessionFails_PropagatesThatFailure()
    {
        var stub = new StripeStub()
            .Answer(HttpStatusCode.BadRequest, StripeJson.Error("invalid_request_error", NotOpenMessage("complete")))
            .Answer(HttpStatusCode.ServiceUnavailable, StripeJson.Error("api_error", "Service unavailable."));
        var sut = TestGateway.Create(stub);

        var ex = await Should.ThrowAsync<HttpRequestException>(() => sut.VoidCheckoutAsync("cs_test_a1void", "journey-1:void"));

        ex.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
    }
}
