using MonaSpark.Application.Ports;
using MonaSpark.Domain.Artists;

namespace MonaSpark.Application.Lookalikes;

/// <summary>The embedding work item for an artist version.</summary>
internal static class EmbedWork
{
    /// <summary>The id carries the version: a changed profile is embedded again, a replay is not queued twice.</summary>
    public static WorkItem For(Artist artist) => new($"embed:{artist.Id}:{artist.Version}", WorkKinds.EmbedArtist, artist.Id.Value);
}
