using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using MonaSpark.Domain.Artists;

namespace MonaSpark.Application.Training;

/// <summary>
/// Deterministic splits by artist id: the same artist always falls in the same bucket (0–99) of a
/// purpose, on every host and run, and the purposes are independent of each other (salted hashes).
/// </summary>
public static class ArtistBuckets
{
    /// <summary>Held out of training to judge models.</summary>
    public const string Holdout = "holdout";

    /// <summary>Scored by the challenger.</summary>
    public const string Challenger = "challenger";

    public static int Of(ArtistId artistId, string purpose)
    {
        ArgumentNullException.ThrowIfNull(purpose);
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes($"{purpose}:{artistId.Value}"), hash);
        return (int)(BinaryPrimitives.ReadUInt32LittleEndian(hash) % 100);
    }

    public static bool In(ArtistId artistId, string purpose, int percent) => Of(artistId, purpose) < percent;
}
