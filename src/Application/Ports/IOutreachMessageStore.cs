using MonaSpark.Domain.Artists;
using MonaSpark.Domain.Outreach;

namespace MonaSpark.Application.Ports;

/// <summary>
/// The outbox of outreach messages: every drafted message, by id, with its delivery state. A saga
/// passes message ids between its steps, never the rendered text, so personal data stays here (and
/// leaves with an erasure) rather than in orchestration history. Adding the same id twice keeps the
/// first; status only moves forward (<see cref="MessageStatuses.CanMove"/>).
/// </summary>
public interface IOutreachMessageStore
{
    /// <summary>Adds a drafted message; an id already stored is left unchanged and the stored message is returned.</summary>
    Task<Message> AddAsync(Message message, CancellationToken cancellationToken = default);

    Task<Message?> GetAsync(string messageId, CancellationToken cancellationToken = default);

    /// <summary>The message a provider knows by <paramref name="providerMessageId"/> (webhooks), or null.</summary>
    Task<Message?> FindByProviderIdAsync(string providerMessageId, CancellationToken cancellationToken = default);

    /// <summary>The newest message (by creation) to <paramref name="recipient"/>, compared normalised, or null: whose an inbound SMS is.</summary>
    Task<Message?> FindLatestToAsync(string recipient, CancellationToken cancellationToken = default);

    /// <summary>
    /// Moves the message to <paramref name="status"/> at <paramref name="at"/>, recording the provider's id
    /// when given. Returns false, changing nothing, when the message is unknown or the move goes backwards
    /// (see <see cref="MessageStatuses.CanMove"/>); setting the status it already has returns true and changes nothing.
    /// </summary>
    Task<bool> SetStatusAsync(string messageId, MessageStatus status, DateTimeOffset at, string? providerMessageId = null, CancellationToken cancellationToken = default);

    /// <summary>The artist's messages, oldest first (export, contact history).</summary>
    Task<IReadOnlyList<Message>> ListByArtistAsync(ArtistId artistId, CancellationToken cancellationToken = default);

    /// <summary>The most recently created messages, newest first (the dashboard's outbox).</summary>
    Task<IReadOnlyList<Message>> ListRecentAsync(int maxCount, CancellationToken cancellationToken = default);

    /// <summary>Deletes every message of the artist (erasure); returns how many.</summary>
    Task<int> DeleteByArtistAsync(ArtistId artistId, CancellationToken cancellationToken = default);
}
