using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using MonaSpark.Application.Ports;
using MonaSpark.Domain.Artists;
using MonaSpark.Domain.Commerce;

namespace MonaSpark.Adapters.Payments.Tests;

internal static class TestGateway
{
    /// <summary>Shaped like a real test-mode key, so a leak into a message or log would show.</summary>
    public const string SecretKey = "sk_test_51QmonaSparkFAKE0123456789abcdefABCDEF";

    /// <summary>12:42:17 UTC: expiries are counted from 12:00.</summary>
    public static readonly DateTimeOffset Now = new(2026, 11, 1, 12, 42, 17, TimeSpan.Zero);

    public static readonly ArtistId Artist = new("art-0123456789abcdef0123");

    public static readonly CurrencyCode Jpy = new("JPY");

    public static Offer Offer(BillingPeriod period = BillingPeriod.Monthly) =>
        new("growth", "Growth plan", period, new Dictionary<CurrencyCode, long> { [CurrencyCode.Eur] = 1900, [Jpy] = 3000 });

    public static CheckoutRequest Request(BillingPeriod period = BillingPeriod.Monthly, Money? price = null, string key = "journey-1:open") =>
        new(Artist, Offer(period), price ?? new Money(1900, CurrencyCode.Eur), key, new Uri("https://monaspark.example/l/tok123/paid"), new Uri("https://monaspark.example/l/tok123"));

    public static StripePaymentGateway Create(StripeStub stub, StripeOptions? options = null, ILogger<StripePaymentGateway>? logger = null) =>
        new(
            new StubHttpClientFactory(stub),
            Microsoft.Extensions.Options.Options.Create(options ?? new StripeOptions { SecretKey = SecretKey }),
            new FakeTimeProvider(Now),
            logger ?? new ListLogger<StripePaymentGateway>());
}

/// <summary>Keeps every formatted log line, to check what the gateway writes (and never writes).</summary>
internal sealed class ListLogger<T> : ILogger<T>
{
    public List<(LogLevel Level, string Message)> Lines { get; } = [];

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        Lines.Add((logLevel, formatter(state, exception)));
}
