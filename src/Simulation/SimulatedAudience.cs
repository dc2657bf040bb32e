using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using MonaSpark.Application.Outreach;
using MonaSpark.Application.Ports;
using MonaSpark.Domain.Artists;
using MonaSpark.Domain.Events;
using MonaSpark.Domain.Outreach;

namespace MonaSpark.Simulation;

/// <summary>How a simulated recipient answers outreach.</summary>
public enum Persona
{
    Silent = 0,
    ClicksOnly = 1,
    AbandonsOnboarding = 2,
    AbandonsCheckout = 3,
    Pays = 4,
    Unsubscribes = 5,
    Replies = 6,
    Bounces = 7,
}

/// <summary>
/// The demo's simulated recipients: they read what was sent to them and answer through the same doors
/// real people and providers use — the unsubscribe link (<see cref="Unsubscribe"/>), the provider's
/// bounce report (<see cref="DeliveryReports"/>), and the journal events the landing page, the form and
/// the payment webhook will append (click, signup, onboarding completed, payment, reply). Each artist
/// gets a persona from a seeded hash of their id, so a run is repeatable and every path is taken.
/// Answers come a fraction of the journey's time unit after what they answer.
/// </summary>
/// <param name="after">The journal position the audience starts reading after (what it answers is what is sent from then on).</param>
public sealed class SimulatedAudience(IJournal journal, IOutreachMessageStore messages, Unsubscribe unsubscribe, DeliveryReports reports, TimeProvider time, int seed, TimeSpan unit, long after)
{
    private static readonly (Persona Persona, int Weight)[] Mix =
    [
        (Persona.Silent, 15), (Persona.ClicksOnly, 10), (Persona.AbandonsOnboarding, 8), (Persona.AbandonsCheckout, 8),
        (Persona.Pays, 35), (Persona.Unsubscribes, 8), (Persona.Replies, 8), (Persona.Bounces, 8),
    ];

    private readonly PriorityQueue<Func<CancellationToken, Task>, DateTimeOffset> due = new();
    private readonly HashSet<string> answered = new(StringComparer.Ordinal);
    private long position = after;

    /// <summary>What each persona did, for the report.</summary>
    public Dictionary<Persona, int> Answers { get; } = [];

    public static Persona PersonaOf(ArtistId artistId, int seed)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{seed}\n{artistId.Value}"));
        var roll = (int)(BinaryPrimitives.ReadUInt32BigEndian(hash) % (uint)Mix.Sum(m => m.Weight));
        foreach (var (persona, weight) in Mix)
        {
            if (roll < weight)
            {
                return persona;
            }

            roll -= weight;
        }

        return Persona.Silent;
    }

    /// <summary>Reads what happened since the last call and answers whatever is due.</summary>
    public async Task StepAsync(CancellationToken cancellationToken)
    {
        while (await journal.ReadAsync(position, 1_000, cancellationToken) is { Count: > 0 } entries)
        {
            foreach (var entry in entries)
            {
                await ObserveAsync(entry.Event, cancellationToken);
            }

            position = entries[^1].Position;
        }

        var now = time.GetUtcNow();
        while (due.TryPeek(out _, out var at) && at <= now)
        {
            await due.Dequeue()(cancellationToken);
        }
    }

    private async Task ObserveAsync(DomainEvent e, CancellationToken cancellationToken)
    {
        if (!ArtistId.TryParse(e.StreamId, out var artist))
        {
            return;
        }

        var persona = PersonaOf(artist, seed);
        switch (e)
        {
            case OutreachSent sent when answered.Add(artist.Value):
                await AnswerAsync(artist, persona, sent, cancellationToken);
                break;
            case OnboardingStarted when persona is Persona.AbandonsCheckout or Persona.Pays:
                Later(0.5, _ => journal.AppendAsync([new SignupCompleted(artist.Value, time.GetUtcNow(), "spark-monthly", TimeSpan.FromSeconds(70 + (artist.Value.Length * 3)))], cancellationToken));
                break;
            case CheckoutOpened when persona is Persona.Pays:
                Later(0.5, _ => journal.AppendAsync([new PaymentSucceeded(artist.Value, time.GetUtcNow(), $"sub_sim_{artist.Value[^6..]}", 1_900, "EUR")], cancellationToken));
                break;
        }
    }

    private async Task AnswerAsync(ArtistId artist, Persona persona, OutreachSent sent, CancellationToken cancellationToken)
    {
        Answers[persona] = Answers.GetValueOrDefault(persona) + 1;
        var message = await messages.GetAsync(sent.MessageId, cancellationToken);
        switch (persona)
        {
            case Persona.ClicksOnly:
                Later(0.3, ct => journal.AppendAsync([new LinkClicked(artist.Value, time.GetUtcNow(), sent.MessageId)], ct));
                break;
            case Persona.AbandonsOnboarding or Persona.AbandonsCheckout or Persona.Pays:
                Later(0.3, ct => journal.AppendAsync([new LinkClicked(artist.Value, time.GetUtcNow(), sent.MessageId), new LandingViewed(artist.Value, time.GetUtcNow(), sent.VariantId)], ct));
                Later(0.6, ct => journal.AppendAsync([new OnboardingStarted(artist.Value, time.GetUtcNow(), "spark-monthly")], ct));
                break;
            case Persona.Unsubscribes when message?.UnsubscribeUrl is { } link:
                var token = link.Segments[^1];
                Later(0.3, async ct => await unsubscribe.UnsubscribeAsync(token, Unsubscribe.ViaOneClick, ct));
                break;
            case Persona.Replies:
                Later(0.4, ct => journal.AppendAsync([new MessageReceived(artist.Value, time.GetUtcNow(), sent.Channel)], ct));
                break;
            case Persona.Bounces when message is { ProviderMessageId: { } providerId }:
                Later(0.2, async ct => await reports.ApplyAsync(
                    [new DeliveryEvent("simulated", $"bounce-{sent.MessageId}", DeliveryEventKind.Bounced, sent.Channel, providerId, message.Recipient, time.GetUtcNow(), "550 5.1.1 user unknown")], ct));
                break;
        }
    }

    private void Later(double units, Func<CancellationToken, Task> answer) => due.Enqueue(answer, time.GetUtcNow() + (unit * units));
}
