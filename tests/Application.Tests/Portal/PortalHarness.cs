using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.Extensions.Logging.Abstractions;
using MonaSpark.Application.Options;
using MonaSpark.Application.Outreach;
using MonaSpark.Application.Portal;
using MonaSpark.Application.Ports;
using MonaSpark.Application.Tests.Outreach;
using MonaSpark.Domain.Outreach;
using Opt = Microsoft.Extensions.Options.Options;

namespace MonaSpark.Application.Tests.Portal;

/// <summary>The portal's use cases over the outreach harness (SQLite stores, fake clock, recording e-mail channel).</summary>
internal sealed class PortalHarness : IDisposable
{
    public PortalHarness(DateTimeOffset now)
    {
        Outreach = new OutreachHarness(now);
        Outreach.OutreachOptions.ApplyDefaults();
        Outreach.OutreachOptions.Offers.Add(new OfferSettings { Id = "spark-yearly", Name = "Spark yearly", Period = Domain.Commerce.BillingPeriod.Yearly, Prices = { ["EUR"] = 19_000, ["USD"] = 19_000 } });
    }

    public OutreachHarness Outreach { get; }

    public PortalOptions Options { get; } = new();

    public InMemoryOneTimeTokens OneTime { get; } = new();

    public PortalTokens Tokens() => new(Outreach.LinkTokens());

    public PortalSignIn SignIn() => new(
        Tokens(),
        Outreach.Artists,
        Outreach.ReadModels,
        OneTime,
        [Outreach.EmailChannel, Outreach.SmsChannel],
        RandomNumberGenerator.Create(),
        Opt.Create(Options),
        Opt.Create(new CopywritingOptions { PublicBaseUrl = new Uri("https://monaspark.example") }),
        Outreach.Time,
        NullLogger<PortalSignIn>.Instance);

    public CustomerPortal Portal() => new(
        Outreach.Artists,
        Outreach.ReadModels,
        Outreach.Messages,
        Outreach.Contacts,
        Outreach.Journal,
        Tokens(),
        Opt.Create(Outreach.OutreachOptions),
        Outreach.Time);

    /// <summary>The token of the last sign-in link e-mailed.</summary>
    public string LastLinkToken()
    {
        var body = Outreach.EmailChannel.Sent.Last().Body;
        var start = body.IndexOf("?t=", StringComparison.Ordinal) + 3;
        var end = body.IndexOf('\n', start);
        return Uri.UnescapeDataString(body[start..end]);
    }

    public IReadOnlyList<Message> Sent => [.. Outreach.EmailChannel.Sent];

    public void Dispose() => Outreach.Dispose();
}

/// <summary>An in-memory <see cref="IOneTimeTokens"/> for unit tests (the adapters pass the contract suite).</summary>
internal sealed class InMemoryOneTimeTokens : IOneTimeTokens
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _used = new(StringComparer.Ordinal);

    public Task<bool> TryConsumeAsync(string id, DateTimeOffset expiresAt, CancellationToken cancellationToken = default) =>
        Task.FromResult(_used.TryAdd(id, expiresAt));
}
