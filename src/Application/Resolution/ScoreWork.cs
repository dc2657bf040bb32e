using MonaSpark.Application.Ports;
using MonaSpark.Domain.Artists;

namespace MonaSpark.Application.Resolution;

/// <summary>The scoring work item for an artist version.</summary>
internal static class ScoreWork
{
    /// <summary>The id carries the version: a newer profile is scored again, a replay is not.</summary>
    public static WorkItem For(Artist artist) => new($"score:{artist.Id}:{artist.Version}", WorkKinds.ScoreArtist, artist.Id.Value);
}
