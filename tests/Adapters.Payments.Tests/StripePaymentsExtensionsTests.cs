using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using MonaSpark.Application.Ports;
using NSubstitute;

namespace MonaSpark.Adapters.Payments.Tests;

public sealed class StripePaymentsExtensionsTests
{
    private static HostApplicationBuilder Builder(params (string Key, string Value)[] settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings.ToDictionary(s => $"MonaSpark:Stripe:{s.Key}", s => (string?)s.Value));
        return builder;
    }

    [Fact]
    public void AddStripePayments_WithAKey_ReplacesTheGatewayRegisteredBeforeAndAfter()
    {
        var builder = Builder(("SecretKey", TestGateway.SecretKey));
        builder.Services.AddSingleton(Substitute.For<IPaymentGateway>());
        builder.AddStripePayments();
        builder.Services.TryAddSingleton(Substitute.For<IPaymentGateway>());
        using var host = builder.Build();

        host.Services.GetServices<IPaymentGateway>().ShouldHaveSingleItem().ShouldBeOfType<StripePaymentGateway>();
    }

    [Fact]
    public void AddStripePayments_WithoutAKey_LeavesTheGatewayAlone()
    {
        var local = Substitute.For<IPaymentGateway>();
        var builder = Builder(("WebhookSecret", "whsec_abc123"));
        builder.Services.AddSingleton(local);
        builder.AddStripePayments();
        using var host = builder.Build();

        host.Services.GetServices<IPaymentGateway>().ShouldHaveSingleItem().ShouldBeSameAs(local);
    }

    [Fact]
    public async Task AddStripePayments_WithoutAKeyOrAnyGateway_CheckoutsFailPermanentlyNamingTheSetting()
    {
        var builder = Builder();
        builder.AddStripePayments();
        using var host = builder.Build();

        var gateway = host.Services.GetServices<IPaymentGateway>().ShouldHaveSingleItem().ShouldBeOfType<PaymentsNotConfigured>();
        var failure = await Should.ThrowAsync<Application.Work.PermanentWorkException>(() => gateway.CreateCheckoutAsync(null!));
        failure.Message.ShouldContain("MonaSpark:Stripe:SecretKey");
        await Should.ThrowAsync<Application.Work.PermanentWorkException>(() => gateway.VoidCheckoutAsync("cs_1", "key-1"));
    }

    [Theory]
    [InlineData("SecretKey", "pk_test_51QmonaSparkPublishable", "SecretKey")]
    [InlineData("WebhookSecret", "sk_test_51QmonaSparkWrongField", "WebhookSecret")]
    [InlineData("ApiBase", "http://stripe.example.com", "ApiBase")]
    [InlineData("SessionLifetime", "1.00:00:00", "SessionLifetime")]
    public async Task AddStripePayments_InvalidSetting_FailsAtStartWithoutEchoingIt(string key, string value, string member)
    {
        var builder = key == "SecretKey" ? Builder((key, value)) : Builder(("SecretKey", TestGateway.SecretKey), (key, value));
        builder.AddStripePayments();
        using var host = builder.Build();

        var ex = await Should.ThrowAsync<OptionsValidationException>(() => host.StartAsync());

        ex.Message.ShouldContain(member);
        ex.Message.ShouldNotContain(value);
        ex.Message.ShouldNotContain(TestGateway.SecretKey);
    }

    [Fact(Timeout = 30_000)]
    public async Task AddStripePayments_ResolvedGateway_CallsStripeThroughTheNamedClient()
    {
        var stub = new StripeStub().Answer(HttpStatusCode.OK, StripeJson.Session("cs_test_a1host"));
        var builder = Builder(("SecretKey", TestGateway.SecretKey));
        builder.AddStripePayments();
        builder.Services.AddHttpClient(StripePaymentGateway.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => stub);
        using var host = builder.Build();
        await host.StartAsync();

        var session = await host.Services.GetRequiredService<IPaymentGateway>().CreateCheckoutAsync(TestGateway.Request());

        session.Id.ShouldBe("cs_test_a1host");
        stub.Requests.ShouldHaveSingleItem().Header("Idempotency-Key").ShouldBe("journey-1:open");
        await host.StopAsync();
    }
}
