namespace MonaSpark.Adapters.Messaging.Outbox;

/// <summary>
/// Where the local sinks write what would have been sent (local host, demo, tests). Section
/// <c>MonaSpark:Outbox</c>: <c>{Directory}/sms</c>, <c>{Directory}/webpush</c> and <c>{Directory}/dm</c>
/// each hold one JSON file per idempotency key. (E-mail has its own outbox, <c>MonaSpark:Email:OutboxDirectory</c>.)
/// </summary>
public sealed class OutboxOptions
{
    public const string SectionName = "MonaSpark:Outbox";

    /// <summary>The outbox folder; empty registers no sink.</summary>
    public string? Directory { get; set; }
}
