using System.Globalization;
using System.Text.Json.Nodes;
using MonaSpark.Application.Ports;
using MonaSpark.Domain.Sources;

namespace MonaSpark.LocalHost.Demo;

/// <summary>
/// The demo's bundled sample source: artist profiles in the documented import format
/// (docs/import-format.md), generated from a seed and dated relative to the demo clock so that
/// growth windows always hold data. About one record in eleven carries a realistic defect (missing
/// name, bad URL, negative count, future date, broken JSON, …) so quarantine is exercised.
/// The same seed and clock give the same records.
/// </summary>
public sealed class SampleArtistSource(int count, int seed, TimeProvider time) : ISourceConnector
{
    private static readonly string[] First = ["Luna", "Nova", "Echo", "Velvet", "Neon", "Saint", "Maison", "Les", "Wild", "Paper", "Golden", "Lili", "Jules", "Kiki", "Marlo", "Rosa", "Odile", "Blue", "Static", "Honey", "Sacha", "Zélie", "Noé", "Amara", "Ciel"];
    private static readonly string[] Second = ["Vale", "Rivers", "Foxes", "Lune", "Harbour", "Motel", "Atlas", "Mirage", "Parade", "Komet", "Dunes", "Orchid", "Sauvage", "Satellite", "Pilots", "Marée", "Garnet", "Lights", "Fever", "Bloom", "Tides", "Monroe", "Ardent", "Quartz", "Éclair"];
    private static readonly string[] Countries = ["FR", "FR", "FR", "BE", "CA", "CH", "GB", "US", "DE", "ES"];
    private static readonly string[] Genres = ["indie pop", "dream pop", "french rap", "chanson", "electro", "house", "afrobeats", "folk", "rock", "r&b", "jazz", "hyperpop", "lo-fi", "techno", "soul"];
    private static readonly string[] Platforms = ["spotify", "youtube", "soundcloud", "instagram"];
    private static readonly int[] SnapshotDays = [90, 60, 28, 7, 1];

    public SourceKind Source => SourceKind.Import;

    public Task<SourceBatch> FetchAsync(string? cursor, int maxRecords, CancellationToken cancellationToken = default)
    {
        var start = cursor is null ? 0 : int.Parse(cursor, CultureInfo.InvariantCulture);
        var end = Math.Min(count, start + maxRecords);
        var now = time.GetUtcNow();
        var records = Enumerable.Range(start, end - start).Select(i => Make(i, now)).ToList();
        return Task.FromResult(new SourceBatch(records, end >= count ? null : end.ToString(CultureInfo.InvariantCulture)));
    }

    private RawRecord Make(int index, DateTimeOffset now)
    {
        // One Random per record: a record's content does not depend on the page size.
        var random = new Random(HashCode.Combine(seed, index));
        var id = $"sample-{seed}-{index:D5}";
        var name = $"{First[random.Next(First.Length)]} {Second[random.Next(Second.Length)]}";
        var slug = new string(name.ToLowerInvariant().Normalize(System.Text.NormalizationForm.FormD)
            .Where(c => char.IsAsciiLetterOrDigit(c) || c == ' ').ToArray()).Replace(' ', '-');
        var handle = $"{slug}-{index}";
        var record = new JsonObject
        {
            ["id"] = id,
            ["name"] = name,
            ["bio"] = $"{name}: {Genres[random.Next(Genres.Length)]} from {Countries[random.Next(Countries.Length)]}. New single out now.",
            ["country"] = Countries[random.Next(Countries.Length)],
            ["genres"] = new JsonArray(Genres.OrderBy(_ => random.Next()).Take(random.Next(1, 4)).Select(g => (JsonNode)g!).ToArray()),
            ["imageUrl"] = $"https://images.monaspark.example/{handle}.jpg",
            ["observedAt"] = Iso(now.AddHours(-random.Next(1, 48))),
        };
        if (random.NextDouble() < 0.65)
        {
            record["email"] = $"booking@{slug.Replace("-", "", StringComparison.Ordinal)}{index}.example";
        }

        var platforms = Platforms.OrderBy(_ => random.Next()).Take(random.Next(1, 5)).ToList();
        var profiles = new JsonArray();
        var metrics = new JsonArray();
        foreach (var platform in platforms)
        {
            var externalId = $"{platform[..2]}{index:D6}{random.Next(1000, 9999)}";
            profiles.Add(new JsonObject { ["platform"] = platform, ["id"] = externalId, ["url"] = ProfileUrl(platform, externalId, handle) });
            var today = Math.Exp(random.NextDouble() * Math.Log(2_000_000 / 200.0)) * 200; // log-uniform 200 – 2M
            var growth28 = (Math.Pow(random.NextDouble(), 2) * 0.7) - 0.08; // −8% … +62% over 28 days, most artists slow
            foreach (var days in SnapshotDays)
            {
                var followers = (long)(today / Math.Pow(1 + growth28, (days - 1) / 28.0));
                metrics.Add(new JsonObject { ["platform"] = platform, ["observedAt"] = Iso(now.AddDays(-days)), ["followers"] = followers });
            }
        }

        record["profiles"] = profiles;
        record["metrics"] = metrics;
        var payload = index % 11 == 7 ? Defect(record, index, now) : record.ToJsonString();
        return new RawRecord(id, payload);
    }

    /// <summary>Defects seen in real feeds, one per defective record.</summary>
    private static string Defect(JsonObject record, int index, DateTimeOffset now)
    {
        switch (index / 11 % 7)
        {
            case 0: record.Remove("name"); break;
            case 1: record["profiles"]![0]!["url"] = "javascript:alert(document.cookie)"; break;
            case 2: record["metrics"]![0]!["followers"] = -12; break;
            case 3: record["observedAt"] = Iso(now.AddDays(30)); break;
            case 4: return record.ToJsonString()[..^7];
            case 5: record["profiles"]![0]!["platform"] = "myspace"; break;
            default: record["email"] = "not-an-email"; break;
        }

        return record.ToJsonString();
    }

    private static string ProfileUrl(string platform, string id, string handle) => platform switch
    {
        "spotify" => $"https://open.spotify.com/artist/{id}",
        "youtube" => $"https://www.youtube.com/channel/{id}",
        "soundcloud" => $"https://soundcloud.com/{handle}",
        _ => $"https://www.instagram.com/{handle.Replace('-', '.')}/",
    };

    private static string Iso(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
