using System.Globalization;
using MonaSpark.Application.Ports;
using MonaSpark.Domain.Artists;
using MonaSpark.Domain.Events;

namespace MonaSpark.Simulation;

/// <summary>
/// Writes the history a trained model needs when no real outreach has run yet (the demo, a fresh
/// data directory): generated artists' features as of the day before they were contacted, the
/// contact, and the signups and payments <see cref="GroundTruth"/> draws. Synthetic artists have ids
/// starting <c>art-sim</c> (<see cref="ArtistId.IsSimulated"/>) and no profile: they exist only as
/// features and outcomes, train a model only when training is asked to include them, and never
/// count as customers. Decisions are
/// spread over the 60 days before the outcome horizon closed, so every label is final.
/// </summary>
public static class SimulatedOutcomes
{
    /// <summary>Writes <paramref name="count"/> contacted artists in one unit of work (one transaction on the embedded store).</summary>
    public static async Task<SimulationReport> WriteAsync(IUnitOfWork unitOfWork, IFeatureStore features, IJournal journal, int count, int seed, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(unitOfWork);
        await using var scope = await unitOfWork.BeginAsync(cancellationToken);
        var report = await WriteAsync(features, journal, count, seed, now, cancellationToken);
        await scope.CommitAsync(cancellationToken);
        return report;
    }

    private static async Task<SimulationReport> WriteAsync(IFeatureStore features, IJournal journal, int count, int seed, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(journal);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        var random = new Random(seed);
        var events = new List<DomainEvent>();
        var conversions = 0;
        for (var i = 0; i < count; i++)
        {
            var decided = now - TimeSpan.FromDays(61 + (random.NextDouble() * 60));
            var id = ArtistId.Simulated(string.Create(CultureInfo.InvariantCulture, $"{seed:x}{i:D7}"));
            var vector = SyntheticPopulation.Vector(id, random, decided - TimeSpan.FromDays(1));
            await features.SaveAsync(vector, cancellationToken);
            events.Add(new OutreachSent(id.Value, decided, $"msg-sim-{id.Value}", "cmp-simulated", "var-a", ContactChannel.Email));
            var (converted, value) = GroundTruth.Draw(vector, random);
            if (converted)
            {
                conversions++;
                events.Add(new SignupCompleted(id.Value, decided + TimeSpan.FromDays(1 + random.Next(20)), "offer-simulated", TimeSpan.FromSeconds(90 + random.Next(60))));
                events.Add(new PaymentSucceeded(id.Value, decided + TimeSpan.FromDays(25), $"sub-sim-{id.Value}", value, "EUR"));
            }

            if (events.Count >= 500)
            {
                await journal.AppendAsync(events, cancellationToken);
                events.Clear();
            }
        }

        await journal.AppendAsync(events, cancellationToken);
        return new SimulationReport(count, conversions);
    }
}

/// <summary>What a simulation wrote: contacted artists and how many converted.</summary>
public sealed record SimulationReport(int Contacted, int Conversions);
