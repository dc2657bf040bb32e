using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace MonaSpark.EndToEnd;

/// <summary>Import records (docs/import-format.md) for tests that ingest a few artists first.</summary>
internal static class ImportSamples
{
    /// <summary>The id an artist first discovered in an import gets (ArtistId.ForSource): art- and 10 bytes of SHA-256 of "Import\n{id}".</summary>
    public static string ArtistId(string externalId) =>
        "art-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"Import\n{externalId}")).AsSpan(0, 10));

    public static string Record(string id, string name, string country, string bio)
    {
        static string At(int daysAgo) => DateTimeOffset.UtcNow.AddDays(-daysAgo).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
        return $$"""
            {"id":"{{id}}","name":"{{name}}","country":"{{country}}","genres":["chanson"],"bio":"{{bio}}","email":"booking@{{id}}.example",
             "profiles":[{"platform":"spotify","id":"sp-{{id}}","url":"https://open.spotify.com/artist/sp-{{id}}"}],
             "metrics":[{"platform":"spotify","observedAt":"{{At(30)}}","followers":1000},{"platform":"spotify","observedAt":"{{At(1)}}","followers":1450}],
             "observedAt":"{{At(0)}}"}
            """.ReplaceLineEndings(string.Empty);
    }
}
