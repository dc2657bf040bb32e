using MonaSpark.Domain.Artists;
using MonaSpark.Domain.Features;

namespace MonaSpark.Simulation;

/// <summary>
/// Generated artists as <see cref="FeatureSetV1"/> vectors with plausible marginals (log-normal
/// audiences, growth around zero with a fast-growing tail, a quarter without a business e-mail, a few
/// missing values), and their outcomes drawn from <see cref="GroundTruth"/>. Seeded: the same seed
/// gives the same population.
/// </summary>
public static class SyntheticPopulation
{
    public static IReadOnlyList<SyntheticArtist> Generate(int count, int seed, DateTimeOffset asOf)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var random = new Random(seed);
        var artists = new List<SyntheticArtist>(count);
        for (var i = 0; i < count; i++)
        {
            var features = Vector(ArtistId.Simulated(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{seed:x}{i:D7}")), random, asOf);
            var (converted, value) = GroundTruth.Draw(features, random);
            artists.Add(new SyntheticArtist(features, GroundTruth.ConversionProbability(features), converted, value));
        }

        return artists;
    }

    /// <summary>One random artist's features.</summary>
    public static FeatureVector Vector(ArtistId id, Random random, DateTimeOffset asOf)
    {
        ArgumentNullException.ThrowIfNull(random);
        var v = new float[FeatureSetV1.Count];
        var total = 0.0;
        var platforms = 0;
        for (var p = FeatureSetV1.SpotifyAudience; p <= FeatureSetV1.InstagramAudience; p++)
        {
            if (random.NextDouble() < 0.6)
            {
                var followers = Math.Exp(8.5 + (2.2 * GroundTruth.Gaussian(random)));
                v[p] = (float)Math.Log10(1 + followers);
                total += followers;
                platforms++;
            }
        }

        v[FeatureSetV1.TotalAudience] = (float)Math.Log10(1 + total);
        var growth = random.NextDouble() < 0.15 ? 0.2 + (random.NextDouble() * 0.8) : 0.05 * GroundTruth.Gaussian(random);
        var hasHistory = random.NextDouble() < 0.9;
        v[FeatureSetV1.Growth7d] = hasHistory ? (float)(growth / 4) : FeatureSetV1.Missing;
        v[FeatureSetV1.Growth28d] = hasHistory ? (float)growth : FeatureSetV1.Missing;
        v[FeatureSetV1.Growth90d] = hasHistory && random.NextDouble() < 0.7 ? (float)(growth * 2.5) : FeatureSetV1.Missing;
        v[FeatureSetV1.BestGrowth28d] = hasHistory ? (float)(growth * (1 + (0.3 * random.NextDouble()))) : FeatureSetV1.Missing;
        v[FeatureSetV1.PlaysPerFollower] = random.NextDouble() < 0.8 ? (float)(1 + random.NextDouble()) : FeatureSetV1.Missing;
        v[FeatureSetV1.Popularity] = random.NextDouble() < 0.6 ? (float)random.NextDouble() : FeatureSetV1.Missing;
        v[FeatureSetV1.Platforms] = platforms;
        v[FeatureSetV1.Cadence] = hasHistory ? (float)Math.Clamp(0.3 + (growth * 0.8) + (0.15 * GroundTruth.Gaussian(random)), 0, 1) : FeatureSetV1.Missing;
        v[FeatureSetV1.DaysSinceObserved] = (float)Math.Round(random.NextDouble() * 30);
        v[FeatureSetV1.CareerStage] = FeatureSetV1.Stage((long)total);
        var market = random.NextDouble();
        v[FeatureSetV1.FrenchMarket] = market < 0.45 ? 1 : 0;
        v[FeatureSetV1.EnglishMarket] = market is >= 0.45 and < 0.8 ? 1 : 0;
        var genre = random.Next(5);
        v[FeatureSetV1.GenreUrban] = genre == 0 ? 1 : 0;
        v[FeatureSetV1.GenrePop] = genre == 1 ? 1 : 0;
        v[FeatureSetV1.GenreElectronic] = genre == 2 ? 1 : 0;
        v[FeatureSetV1.GenreRock] = genre == 3 ? 1 : 0;
        v[FeatureSetV1.BusinessEmail] = random.NextDouble() < 0.75 ? 1 : 0;
        v[FeatureSetV1.DirectMessage] = random.NextDouble() < 0.6 ? 1 : 0;
        v[FeatureSetV1.Website] = random.NextDouble() < 0.5 ? 1 : 0;
        return new FeatureVector(id, FeatureSetV1.Version, asOf, v);
    }
}

/// <summary>A generated artist: its features, its true p(convert), and the outcome drawn from it.</summary>
public sealed record SyntheticArtist(FeatureVector Features, double TrueProbability, bool Converted, long ValueMinor);
