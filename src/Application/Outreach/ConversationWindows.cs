using System.Text.Json;
using Microsoft.Extensions.Options;
using MonaSpark.Application.Ports;
using MonaSpark.Application.Projections;
using MonaSpark.Domain.Artists;

namespace MonaSpark.Application.Outreach;

/// <summary>
/// Whether a direct message may go to the artist: only inside a conversation the artist started,
/// within the platform's messaging window after their last message (Instagram and most platforms: 24
/// hours). Read from the contact history, where every message the artist sent us is projected.
/// </summary>
public sealed class ConversationWindows(IReadModelStore readModels, IOptions<OutreachOptions> options)
{
    public async Task<bool> IsOpenAsync(ArtistId artistId, ContactChannel channel, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var row = await readModels.GetAsync(ContactHistoryProjection.ProjectionName, artistId.Value, cancellationToken);
        if (row is null)
        {
            return false;
        }

        var name = channel.ToString();
        var history = JsonSerializer.Deserialize<List<ContactHistoryEntry>>(row.Json, ContactHistoryEntry.Json) ?? [];
        var last = history.Where(e => e.What == ContactHistoryEntry.Received && e.Channel == name).Select(e => (DateTimeOffset?)e.At).Max();
        return last is { } at && at <= now && now - at < options.Value.ConversationWindow;
    }
}
