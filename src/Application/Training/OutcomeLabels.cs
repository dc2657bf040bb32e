using MonaSpark.Application.Ports;
using MonaSpark.Domain.Artists;
using MonaSpark.Domain.Events;

namespace MonaSpark.Application.Training;

/// <summary>
/// Training labels from the journal. The decision a model informs is the first contact, so each
/// contacted artist gives one label at the time of its first <see cref="OutreachSent"/>: converted
/// when a <see cref="SignupCompleted"/> follows within the horizon, with the
/// <see cref="PaymentSucceeded"/> amounts in the scoring currency as its value. A label whose horizon
/// has not yet passed is left out, converted or not: keeping only the early conversions of recent
/// contacts would inflate the conversion rate the models learn and are judged on. Simulated artists
/// (<see cref="ArtistId.IsSimulated"/>) count only when asked for (the demo).
/// </summary>
public static class OutcomeLabels
{
    private const int Page = 1_000;

    public static async Task<IReadOnlyList<OutcomeLabel>> ReadAsync(
        IJournal journal,
        DateTimeOffset now,
        TimeSpan horizon,
        string currency,
        bool includeSimulated = false,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(currency);
        ArgumentNullException.ThrowIfNull(journal);
        var streams = new Dictionary<string, Outcome>(StringComparer.Ordinal);
        long after = 0;
        while (await journal.ReadAsync(after, Page, cancellationToken) is { Count: > 0 } page)
        {
            foreach (var entry in page)
            {
                switch (entry.Event)
                {
                    case OutreachSent sent:
                        Of(streams, sent.StreamId).Contact(sent.OccurredAt);
                        break;
                    case SignupCompleted signup:
                        Of(streams, signup.StreamId).Signup(signup.OccurredAt);
                        break;
                    case PaymentSucceeded payment when string.Equals(payment.Currency, currency, StringComparison.OrdinalIgnoreCase):
                        Of(streams, payment.StreamId).Paid(payment.OccurredAt, payment.AmountMinor);
                        break;
                }
            }

            after = page[^1].Position;
        }

        var labels = new List<OutcomeLabel>();
        foreach (var (stream, outcome) in streams.OrderBy(s => s.Key, StringComparer.Ordinal))
        {
            if (outcome.FirstContact is not { } contact || !ArtistId.TryParse(stream, out var artistId)
                || (artistId.IsSimulated && !includeSimulated) || now < contact + horizon)
            {
                continue;
            }

            var converted = outcome.FirstSignup is { } signup && signup >= contact && signup <= contact + horizon;

            labels.Add(new OutcomeLabel(artistId, contact, converted, converted ? outcome.PaidFrom(contact) : 0));
        }

        return labels;
    }

    private static Outcome Of(Dictionary<string, Outcome> streams, string stream)
    {
        if (!streams.TryGetValue(stream, out var outcome))
        {
            outcome = new Outcome();
            streams[stream] = outcome;
        }

        return outcome;
    }

    private sealed class Outcome
    {
        private readonly List<(DateTimeOffset At, long Amount)> _payments = [];

        public DateTimeOffset? FirstContact { get; private set; }

        public DateTimeOffset? FirstSignup { get; private set; }

        public void Contact(DateTimeOffset at) => FirstContact = FirstContact is { } c && c <= at ? c : at;

        public void Signup(DateTimeOffset at) => FirstSignup = FirstSignup is { } s && s <= at ? s : at;

        public void Paid(DateTimeOffset at, long amount) => _payments.Add((at, amount));

        public long PaidFrom(DateTimeOffset contact) => _payments.Where(p => p.At >= contact).Sum(p => p.Amount);
    }
}

/// <summary>One label: the artist, the decision time (first contact), whether it converted and what it paid (minor units).</summary>
public sealed record OutcomeLabel(ArtistId ArtistId, DateTimeOffset DecidedAt, bool Converted, long ValueMinor);
