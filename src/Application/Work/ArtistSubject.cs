using MonaSpark.Application.Ports;
using MonaSpark.Domain.Artists;

namespace MonaSpark.Application.Work;

/// <summary>Work items whose subject is an artist: the id, or a permanent failure when it is not one.</summary>
public static class ArtistSubject
{
    /// <exception cref="PermanentWorkException">The subject is not an artist id: no retry can fix it.</exception>
    public static ArtistId Of(WorkItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return ArtistId.TryParse(item.SubjectId, out var id)
            ? id
            : throw new PermanentWorkException($"'{item.SubjectId}' is not an artist id.");
    }
}
