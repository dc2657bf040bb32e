using System.Globalization;
using System.Text.Json.Nodes;
using MonaSpark.Application.Ports;

namespace MonaSpark.Benchmarks;

/// <summary>Distinct, valid import records (docs/import-format.md) from a fixed seed.</summary>
internal static class SampleRecords
{
    private static readonly string[] Platforms = ["spotify", "youtube", "soundcloud", "instagram"];

    public static IReadOnlyList<RawRecord> Create(int count)
    {
        var random = new Random(7);
        var now = new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);
        return Enumerable.Range(0, count).Select(i =>
        {
            var profiles = new JsonArray();
            var metrics = new JsonArray();
            foreach (var platform in Platforms.Take(1 + (i % 3)))
            {
                var id = string.Create(CultureInfo.InvariantCulture, $"{platform[..2]}{i:D7}");
                var url = platform switch
                {
                    "spotify" => $"https://open.spotify.com/artist/{id}",
                    "youtube" => $"https://www.youtube.com/channel/{id}",
                    "soundcloud" => $"https://soundcloud.com/{id}",
                    _ => $"https://www.instagram.com/{id}/",
                };
                profiles.Add(new JsonObject { ["platform"] = platform, ["id"] = id, ["url"] = url });
                foreach (var days in new[] { 90, 28, 1 })
                {
                    metrics.Add(new JsonObject { ["platform"] = platform, ["observedAt"] = now.AddDays(-days).ToString("O", CultureInfo.InvariantCulture), ["followers"] = random.Next(200, 2_000_000) });
                }
            }

            var record = new JsonObject
            {
                ["id"] = string.Create(CultureInfo.InvariantCulture, $"bench-{i:D7}"),
                ["name"] = string.Create(CultureInfo.InvariantCulture, $"Artist {i:D7}"),
                ["bio"] = "Dream pop from Lyon.",
                ["country"] = "FR",
                ["genres"] = new JsonArray("dream pop", "indie"),
                ["email"] = string.Create(CultureInfo.InvariantCulture, $"booking@artist{i}.example"),
                ["profiles"] = profiles,
                ["metrics"] = metrics,
                ["observedAt"] = now.ToString("O", CultureInfo.InvariantCulture),
            };
            return new RawRecord(string.Create(CultureInfo.InvariantCulture, $"bench-{i:D7}"), record.ToJsonString());
        }).ToList();
    }
}
