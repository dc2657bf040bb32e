using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using MonaSpark.Application.Ports;

namespace MonaSpark.Adapters.Local;

/// <summary>
/// The local host's payment provider: checkout sessions as JSON files under <c>{data}/payments</c>,
/// exactly what would be asked of the real provider (offer, amount in minor units, currency, return
/// URLs), one per idempotency key, so a replayed step finds its session. No money moves: the demo's
/// simulated artists pay by reporting <c>PaymentSucceeded</c>, the way the Stripe webhook will. The
/// Stripe adapter replaces it in production (payments issue).
/// </summary>
public sealed class LocalPaymentGateway(IOptions<LocalStorageOptions> options, TimeProvider time) : IPaymentGateway
{
    /// <summary>How long a session stays open.</summary>
    public static readonly TimeSpan SessionLifetime = TimeSpan.FromHours(24);

    private readonly ConcurrentDictionary<string, SemaphoreSlim> locks = new(StringComparer.Ordinal);

    public async Task<CheckoutSession> CreateCheckoutAsync(CheckoutRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var id = "cs_local_" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(request.IdempotencyKey)).AsSpan(0, 12));
        var gate = locks.GetOrAdd(id, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        try
        {
            var path = PathOf(id);
            if (File.Exists(path))
            {
                var existing = LocalJson.Deserialize<LocalCheckout>(await File.ReadAllTextAsync(path, cancellationToken));
                return new CheckoutSession(existing.Id, existing.Url, existing.ExpiresAt);
            }

            var now = time.GetUtcNow();
            var session = new LocalCheckout(
                id, request.ArtistId.Value, request.Offer.Id, request.Price.MinorUnits, request.Price.Currency.Value,
                new Uri(request.SuccessUrl, $"/checkout/{id}"), request.SuccessUrl, request.CancelUrl, now, now + SessionLifetime, "open", null);
            await WriteAsync(session, cancellationToken);
            return new CheckoutSession(session.Id, session.Url, session.ExpiresAt);
        }
        finally
        {
            gate.Release();
        }
    }

    public async Task VoidCheckoutAsync(string checkoutId, string idempotencyKey, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(checkoutId);
        var path = PathOf(checkoutId);
        if (!File.Exists(path))
        {
            return;
        }

        var session = LocalJson.Deserialize<LocalCheckout>(await File.ReadAllTextAsync(path, cancellationToken));
        if (session.Status == "open")
        {
            await WriteAsync(session with { Status = "void", VoidedAt = time.GetUtcNow() }, cancellationToken);
        }
    }

    /// <summary>Every session, for the demo's report and the tests.</summary>
    public IReadOnlyList<LocalCheckout> List()
    {
        var directory = Directory();
        return System.IO.Directory.Exists(directory)
            ? [.. System.IO.Directory.EnumerateFiles(directory, "cs_local_*.json").Select(f => LocalJson.Deserialize<LocalCheckout>(File.ReadAllText(f))).OrderBy(c => c.CreatedAt)]
            : [];
    }

    private async Task WriteAsync(LocalCheckout session, CancellationToken cancellationToken)
    {
        System.IO.Directory.CreateDirectory(Directory());
        var path = PathOf(session.Id);
        var temporary = path + ".tmp";
        await File.WriteAllTextAsync(temporary, LocalJson.Serialize(session), cancellationToken);
        File.Move(temporary, path, overwrite: true);
    }

    private string Directory() => Path.Combine(options.Value.DataDirectory, "payments");

    private string PathOf(string id) =>
        id.All(c => char.IsAsciiLetterOrDigit(c) || c == '_') ? Path.Combine(Directory(), id + ".json") : throw new ArgumentException("Not a local checkout id.", nameof(id));
}

/// <summary>A local checkout session as stored.</summary>
public sealed record LocalCheckout(
    string Id,
    string ArtistId,
    string OfferId,
    long AmountMinor,
    string Currency,
    Uri Url,
    Uri SuccessUrl,
    Uri CancelUrl,
    DateTimeOffset CreatedAt,
    DateTimeOffset ExpiresAt,
    string Status,
    DateTimeOffset? VoidedAt);
