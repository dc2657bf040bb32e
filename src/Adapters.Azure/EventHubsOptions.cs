using System.ComponentModel.DataAnnotations;
using Azure.Messaging.EventHubs;

namespace MonaSpark.Adapters.Azure;

/// <summary>
/// Where <see cref="EventHubsJournalPublisher"/> sends the journal. Section <c>MonaSpark:EventHubs</c>.
/// Either <see cref="FullyQualifiedNamespace"/> with Entra ID (Azure: the app's user-assigned identity,
/// local auth is off on the namespace) or <see cref="ConnectionString"/>. Neither set means Event
/// Hubs is not configured and the publisher is not registered at all.
/// </summary>
public sealed class EventHubsOptions : IValidatableObject
{
    public const string SectionName = "MonaSpark:EventHubs";

    /// <summary>The namespace host, e.g. <c>{namespace}.servicebus.windows.net</c> (app setting <c>MonaSpark__EventHubs__FullyQualifiedNamespace</c>). Default: none.</summary>
    public string? FullyQualifiedNamespace { get; set; }

    /// <summary>The hub (default <c>journal</c>, the one infra/modules/event-hubs.bicep creates).</summary>
    [Required]
    [RegularExpression("^[A-Za-z0-9][A-Za-z0-9._-]{0,255}$", ErrorMessage = "EventHubName is 1-256 letters, digits, '.', '_' or '-'.")]
    public string EventHubName { get; set; } = "journal";

    /// <summary>
    /// A namespace connection string without <c>EntityPath</c> (the hub is <see cref="EventHubName"/>);
    /// when set, <see cref="FullyQualifiedNamespace"/> is ignored. Default: none.
    /// </summary>
    public string? ConnectionString { get; set; }

    /// <summary>Events sent per run of the publishing timer at most (default 5,000); a backlog drains over the following runs.</summary>
    [Range(1, 100_000)]
    public int MaxEventsPerRun { get; set; } = 5_000;

    /// <summary>True when a namespace or a connection string is set.</summary>
    public bool IsConfigured => !string.IsNullOrWhiteSpace(ConnectionString) || !string.IsNullOrWhiteSpace(FullyQualifiedNamespace);

    /// <summary>
    /// Names the publisher's checkpoint: <c>{namespace}/{hub}</c>, so pointing the app at another
    /// namespace or hub starts from the beginning of the journal instead of skipping events.
    /// </summary>
    public string CheckpointName =>
        $"{(string.IsNullOrWhiteSpace(ConnectionString) ? FullyQualifiedNamespace : EventHubsConnectionStringProperties.Parse(ConnectionString).FullyQualifiedNamespace)}/{EventHubName}";

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!IsConfigured)
        {
            yield return new ValidationResult(
                $"Set either {SectionName}:FullyQualifiedNamespace or {SectionName}:ConnectionString.",
                [nameof(FullyQualifiedNamespace), nameof(ConnectionString)]);
        }
        else if (!string.IsNullOrWhiteSpace(ConnectionString) && !IsParsable(ConnectionString))
        {
            // The message never repeats the connection string: it holds a key.
            yield return new ValidationResult($"{SectionName}:ConnectionString is not an Event Hubs connection string.", [nameof(ConnectionString)]);
        }
    }

    private static bool IsParsable(string connectionString)
    {
        try
        {
            // Parse is lenient: a string without an endpoint parses, then fails at the first send.
            return EventHubsConnectionStringProperties.Parse(connectionString).Endpoint is not null;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
