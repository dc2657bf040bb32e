using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using MonaSpark.Adapters.Local;
using MonaSpark.Application.Outreach;
using MonaSpark.Application.Ports;
using MonaSpark.Application.Telemetry;
using MonaSpark.Domain.Artists;
using MonaSpark.Domain.Events;
using MonaSpark.Domain.Outreach;
using MonaSpark.TestKit;

namespace MonaSpark.Application.Tests.Outreach;

/// <summary>
/// The outreach use cases over the real SQLite stores in a temporary directory, on a fake clock,
/// with recording channels in place of the providers. Options can be changed before a use case is made.
/// </summary>
internal sealed class OutreachHarness : IDisposable
{
    public const string Email = "booking@luna.example";
    public const string Phone = "+33612345678";

    public static readonly byte[] SigningKey = [.. Enumerable.Range(1, 32).Select(i => (byte)i)];

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "monaspark-outreach-" + Guid.NewGuid().ToString("N"));
    private readonly SqliteDatabase _database;
    private readonly ProviderRateLimits _rateLimits;

    public OutreachHarness(DateTimeOffset now)
    {
        Time = new FakeTimeProvider(now);
        _database = new SqliteDatabase(Microsoft.Extensions.Options.Options.Create(new LocalStorageOptions { DataDirectory = _directory }));
        Messages = new SqliteOutreachMessageStore(_database);
        Artists = new SqliteArtistStore(_database, Time);
        Contacts = new SqliteContactRegistry(_database, Time);
        Senders = new SqliteSenderLedger(_database);
        Journal = new SqliteJournal(_database, Time);
        Leads = new SqliteLeadStore(_database, Time);
        ReadModels = new SqliteReadModelStore(_database);
        OneTime = new SqliteOneTimeTokens(_database, Time);
        _rateLimits = new ProviderRateLimits(new InProcessProviderRateLimiter(), Microsoft.Extensions.Options.Options.Create(OutreachOptions), Time);
        LinkSigning.SigningKey = Convert.ToBase64String(SigningKey);
    }

    public FakeTimeProvider Time { get; }

    public OutreachOptions OutreachOptions { get; } = new();

    public LinkSigningOptions LinkSigning { get; } = new();

    public IOutreachMessageStore Messages { get; }

    public IArtistStore Artists { get; }

    public IContactRegistry Contacts { get; }

    public ISenderLedger Senders { get; }

    public IJournal Journal { get; }

    public ILeadStore Leads { get; }

    public IReadModelStore ReadModels { get; }

    public IOneTimeTokens OneTime { get; }

    public RecordingChannel EmailChannel { get; } = new(ContactChannel.Email);

    public RecordingChannel SmsChannel { get; } = new(ContactChannel.Sms);

    public SendOutreachMessage SendOutreachMessage()
    {
        var options = Microsoft.Extensions.Options.Options.Create(OutreachOptions);
        return new SendOutreachMessage(
            Messages,
            Artists,
            new ContactSelection(Contacts, new ConversationWindows(ReadModels, options), Time),
            Senders,
            _rateLimits,
            [EmailChannel, SmsChannel],
            Journal,
            Leads,
            Contacts,
            options,
            Time,
            new MonaSparkTelemetry(new TestMeterFactory()),
            NullLogger<SendOutreachMessage>.Instance);
    }

    public DeliveryReports DeliveryReports() =>
        new(Messages, Contacts, Senders, Journal, ReadModels, Microsoft.Extensions.Options.Options.Create(OutreachOptions), NullLogger<DeliveryReports>.Instance);

    public LinkTokens LinkTokens() => new(Microsoft.Extensions.Options.Options.Create(LinkSigning), Time);

    public Unsubscribe Unsubscribe() => new(LinkTokens(), Contacts, Time);

    /// <summary>A French artist (Paris time) with a business e-mail address and a business mobile number.</summary>
    public async Task<Artist> AddArtistAsync(string key = "luna", string email = Email, string phone = Phone)
    {
        var artist = Samples.Artist(key, Time.GetUtcNow(), email);
        var seen = artist.ContactPoints[0].Provenance;
        artist = artist with { ContactPoints = [.. artist.ContactPoints, new ContactPoint(ContactChannel.Sms, phone, LawfulBasis.LegitimateInterest, true, seen)] };
        return await Artists.SaveAsync(artist, [], []);
    }

    public async Task<Message> AddMessageAsync(Artist artist, string step = "send-1", ContactChannel channel = ContactChannel.Email, string? recipient = null)
    {
        var id = $"journey-{artist.Id}:{step}";
        var to = recipient ?? artist.ContactPoints.First(c => c.Channel == channel).Address;
        var message = new Message(id, id, artist.Id, "first-contact", "intro", channel, to, "Hello", "Hi there", "en", MessageStatus.Drafted, Time.GetUtcNow());
        return await Messages.AddAsync(message);
    }

    /// <summary>A message the provider accepted under <paramref name="providerId"/>.</summary>
    public async Task<Message> AddSentMessageAsync(Artist artist, string providerId, string step = "send-1", ContactChannel channel = ContactChannel.Email)
    {
        var message = await AddMessageAsync(artist, step, channel);
        (await Messages.SetStatusAsync(message.Id, MessageStatus.Sent, Time.GetUtcNow(), providerId)).ShouldBeTrue();
        return (await Messages.GetAsync(message.Id))!;
    }

    public async Task<IReadOnlyList<DomainEvent>> EventsAsync()
    {
        var all = new List<DomainEvent>();
        long after = 0;
        while ((await Journal.ReadAsync(after, 100)) is { Count: > 0 } page)
        {
            all.AddRange(page.Select(e => e.Event));
            after = page[^1].Position;
        }

        return all;
    }

    public async Task<IReadOnlyList<T>> EventsAsync<T>()
        where T : DomainEvent => [.. (await EventsAsync()).OfType<T>()];

    public Task<ContactStanding> StandingAsync(ArtistId artist, string address = Email) =>
        Contacts.GetStandingAsync(artist, address, DateTimeOffset.UnixEpoch);

    public Task<SenderRecord> SenderAsync(string sender = "email:primary") =>
        Senders.GetAsync(sender, DateOnly.FromDateTime(Time.GetUtcNow().UtcDateTime), Time.GetUtcNow().AddDays(-30));

    public void Dispose()
    {
        // Pooled connections keep the files open.
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }
}

/// <summary>What a test makes a provider double do.</summary>
internal enum ProviderBehaviour
{
    Accept = 0,
    Refuse = 1,
    Throw = 2,
}

/// <summary>A channel that records every message it is handed, and answers as told.</summary>
internal sealed class RecordingChannel(ContactChannel channel) : IOutreachChannel
{
    private int _calls;

    public ContactChannel Channel => channel;

    public ConcurrentQueue<Message> Sent { get; } = new();

    public int Calls => _calls;

    public ProviderBehaviour Behaviour { get; set; }

    public Task<SendResult> SendAsync(Message message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        Interlocked.Increment(ref _calls);
        switch (Behaviour)
        {
            case ProviderBehaviour.Throw:
                throw new HttpRequestException("provider unavailable");
            case ProviderBehaviour.Refuse:
                return Task.FromResult(new SendResult(false, null, "rejected recipient"));
            default:
                Sent.Enqueue(message);
                return Task.FromResult(new SendResult(true, $"prov-{message.Id}", null));
        }
    }
}
