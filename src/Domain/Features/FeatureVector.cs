using MonaSpark.Domain.Artists;

namespace MonaSpark.Domain.Features;

/// <summary>
/// An artist's features as they were at <see cref="AsOf"/>, computed by one feature-set version.
/// Stored once per scoring, never edited: training reads, for each label, the latest vector at or
/// before the label's time, so nothing observed later can leak into it.
/// </summary>
/// <param name="ArtistId">The artist.</param>
/// <param name="FeatureSet">The feature-set version that computed <paramref name="Values"/> (see <see cref="FeatureSetV1"/>).</param>
/// <param name="AsOf">The time the vector describes; only data observed at or before it went in.</param>
/// <param name="Values">One value per feature, in the feature set's order.</param>
public sealed record FeatureVector(ArtistId ArtistId, string FeatureSet, DateTimeOffset AsOf, IReadOnlyList<float> Values)
{
    /// <summary>The value of <paramref name="feature"/> (a <see cref="FeatureSetV1"/> index).</summary>
    public float this[int feature] => Values[feature];

    public bool Equals(FeatureVector? other) =>
        other is not null && ArtistId == other.ArtistId && FeatureSet == other.FeatureSet && AsOf == other.AsOf && Values.SequenceEqual(other.Values);

    public override int GetHashCode() => HashCode.Combine(ArtistId, FeatureSet, AsOf, Values.Count);

    /// <summary>The values as little-endian float32 bytes (NaN kept: it means "unknown"), the stored form (<see cref="Float32Bytes"/>).</summary>
    public byte[] ValuesToBytes() => Float32Bytes.Encode(Values as float[] ?? [.. Values]);

    /// <summary>The values <see cref="ValuesToBytes"/> wrote.</summary>
    public static float[] ValuesFromBytes(ReadOnlySpan<byte> bytes) => Float32Bytes.Decode(bytes);
}
