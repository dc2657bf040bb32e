namespace MonaSpark.Domain.Sources;

/// <summary>A value together with its provenance: every artist field carries one.</summary>
public sealed record Sourced<T>(T Value, Provenance Provenance)
{
    /// <summary>
    /// The conflict rule: a value observed later wins; at equal times the artist's own statement wins,
    /// then the first-party platform APIs over imports and scraped pages.
    /// </summary>
    public Sourced<T> Prefer(Sourced<T>? other)
    {
        if (other is null)
        {
            return this;
        }

        var byTime = Provenance.ObservedAt.CompareTo(other.Provenance.ObservedAt);
        if (byTime != 0)
        {
            return byTime > 0 ? this : other;
        }

        return Rank(Provenance.Source) >= Rank(other.Provenance.Source) ? this : other;
    }

    private static int Rank(SourceKind source) => source switch
    {
        SourceKind.Artist => 3,
        SourceKind.Spotify or SourceKind.YouTube or SourceKind.SoundCloud or SourceKind.Instagram => 2,
        SourceKind.Import => 1,
        _ => 0,
    };
}
