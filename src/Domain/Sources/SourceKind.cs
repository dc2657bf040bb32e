namespace MonaSpark.Domain.Sources;

/// <summary>Where a piece of data came from.</summary>
public enum SourceKind
{
    /// <summary>A curated import file (the bundled sample, a CSV/JSONL import).</summary>
    Import = 0,
    Spotify = 1,
    YouTube = 2,
    SoundCloud = 3,
    Instagram = 4,
    /// <summary>A public web page: artist site, link-in-bio page, Bandcamp-style page.</summary>
    Web = 5,
    /// <summary>Stated by the artist (onboarding form, portal).</summary>
    Artist = 6,
}
