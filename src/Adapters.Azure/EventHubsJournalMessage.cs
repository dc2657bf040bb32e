using System.Globalization;
using Azure.Messaging.EventHubs;
using MonaSpark.Adapters.Azure.Storage;
using MonaSpark.Application.Ports;

namespace MonaSpark.Adapters.Azure;

/// <summary>
/// The Event Hubs message for a journal entry. Body: the event's JSON exactly as the journal stores
/// it (the <see cref="MonaSpark.Domain.Events.DomainEvent"/> base type, with its <c>type</c>
/// discriminator). Application properties: <c>type</c>, <c>position</c> (long) and <c>streamId</c>,
/// so consumers can filter and dedupe without parsing the body; the message id is the position too.
/// </summary>
public static class EventHubsJournalMessage
{
    public const string ContentType = "application/json";
    public const string TypeProperty = "type";
    public const string PositionProperty = "position";
    public const string StreamIdProperty = "streamId";

    public static EventData Create(JournalEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var data = new EventData(BinaryData.FromString(StorageJson.SerializeEvent(entry.Event)))
        {
            ContentType = ContentType,
            MessageId = entry.Position.ToString(CultureInfo.InvariantCulture),
        };
        data.Properties[TypeProperty] = entry.Event.EventType;
        data.Properties[PositionProperty] = entry.Position;
        data.Properties[StreamIdProperty] = entry.Event.StreamId;
        return data;
    }
}
