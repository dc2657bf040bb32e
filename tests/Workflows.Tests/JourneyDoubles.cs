using System.Collections.Concurrent;
using MonaSpark.Application.Ports;
using MonaSpark.Domain.Artists;
using MonaSpark.Domain.Outreach;

namespace MonaSpark.Workflows.Tests;

/// <summary>What a test makes a double do.</summary>
internal enum Behaviour
{
    Accept = 0,
    Refuse = 1,
    Throw = 2,
}

/// <summary>A channel that records every message it is handed (unit-test double; the hosts use real channels and sinks).</summary>
internal sealed class RecordingChannel(ContactChannel channel) : IOutreachChannel
{
    public ContactChannel Channel => channel;

    public ConcurrentQueue<Message> Sent { get; } = new();

    public int Calls => calls;

    public Behaviour Behaviour { get; set; }

    private int calls;

    public Task<SendResult> SendAsync(Message message, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref calls);
        return Behaviour switch
        {
            Behaviour.Throw => throw new HttpRequestException("provider unavailable"),
            Behaviour.Refuse => Task.FromResult(new SendResult(false, null, "rejected recipient")),
            _ => Accept(message),
        };
    }

    private Task<SendResult> Accept(Message message)
    {
        Sent.Enqueue(message);
        return Task.FromResult(new SendResult(true, $"prov-{message.Id}", null));
    }
}

/// <summary>A payment provider double: sessions by idempotency key, voids recorded.</summary>
internal sealed class RecordingPaymentGateway : IPaymentGateway
{
    public ConcurrentDictionary<string, CheckoutSession> Sessions { get; } = new();

    public ConcurrentQueue<string> Voided { get; } = new();

    public Behaviour OnCreate { get; set; }

    public Task<CheckoutSession> CreateCheckoutAsync(CheckoutRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (OnCreate == Behaviour.Throw)
        {
            throw new HttpRequestException("payments unavailable");
        }

        return Task.FromResult(Sessions.GetOrAdd(request.IdempotencyKey, key => new CheckoutSession($"cs_{Sessions.Count + 1}", new Uri($"https://pay.example/{key.Length}"), DateTimeOffset.UtcNow.AddHours(1))));
    }

    public Task VoidCheckoutAsync(string checkoutId, string idempotencyKey, CancellationToken cancellationToken = default)
    {
        if (!Voided.Contains(checkoutId))
        {
            Voided.Enqueue(checkoutId);
        }

        return Task.CompletedTask;
    }
}

/// <summary>Faults a test switches on in the stores a journey writes to (the stores themselves are the real SQLite ones).</summary>
internal sealed class Faults
{
    public volatile bool FailDrafts;

    public volatile bool FailStandings;
}

/// <summary>The real contact registry, failing its reads of a person's standing while <see cref="Faults.FailStandings"/> is set.</summary>
internal sealed class FaultyContactRegistry(IContactRegistry inner, Faults faults) : IContactRegistry
{
    public Task<ContactStanding> GetStandingAsync(ArtistId artistId, string address, DateTimeOffset sentSince, CancellationToken cancellationToken = default) =>
        faults.FailStandings ? throw new IOException("storage unavailable") : inner.GetStandingAsync(artistId, address, sentSince, cancellationToken);

    public Task RecordConsentAsync(Consent consent, IReadOnlyList<Domain.Events.DomainEvent> events, CancellationToken cancellationToken = default) =>
        inner.RecordConsentAsync(consent, events, cancellationToken);

    public Task RecordOptOutAsync(ArtistId artistId, Domain.Outreach.Policies.OptOut optOut, IReadOnlyList<Domain.Events.DomainEvent> events, CancellationToken cancellationToken = default) =>
        inner.RecordOptOutAsync(artistId, optOut, events, cancellationToken);

    public Task SuppressAsync(string address, string reason, DateTimeOffset at, CancellationToken cancellationToken = default) =>
        inner.SuppressAsync(address, reason, at, cancellationToken);

    public Task RecordSendAsync(ArtistId artistId, string messageId, ContactChannel channel, DateTimeOffset at, CancellationToken cancellationToken = default) =>
        inner.RecordSendAsync(artistId, messageId, channel, at, cancellationToken);
}

/// <summary>The real message store, failing its writes of drafts while <see cref="Faults.FailDrafts"/> is set.</summary>
internal sealed class FaultyMessageStore(IOutreachMessageStore inner, Faults faults) : IOutreachMessageStore
{
    public Task<Message> AddAsync(Message message, CancellationToken cancellationToken = default) =>
        faults.FailDrafts ? throw new IOException("disk full") : inner.AddAsync(message, cancellationToken);

    public Task<Message?> GetAsync(string messageId, CancellationToken cancellationToken = default) => inner.GetAsync(messageId, cancellationToken);

    public Task<Message?> FindByProviderIdAsync(string providerMessageId, CancellationToken cancellationToken = default) => inner.FindByProviderIdAsync(providerMessageId, cancellationToken);

    public Task<Message?> FindLatestToAsync(string recipient, CancellationToken cancellationToken = default) => inner.FindLatestToAsync(recipient, cancellationToken);

    public Task<bool> SetStatusAsync(string messageId, MessageStatus status, DateTimeOffset at, string? providerMessageId = null, CancellationToken cancellationToken = default) =>
        inner.SetStatusAsync(messageId, status, at, providerMessageId, cancellationToken);

    public Task<IReadOnlyList<Message>> ListByArtistAsync(ArtistId artistId, CancellationToken cancellationToken = default) => inner.ListByArtistAsync(artistId, cancellationToken);

    public Task<IReadOnlyList<Message>> ListRecentAsync(int maxCount, CancellationToken cancellationToken = default) => inner.ListRecentAsync(maxCount, cancellationToken);

    public Task<int> DeleteByArtistAsync(ArtistId artistId, CancellationToken cancellationToken = default) => inner.DeleteByArtistAsync(artistId, cancellationToken);
}
