namespace MonaSpark.Adapters.Messaging.Outbox;

internal static class OutboxDirectory
{
    public static string Of(OutboxOptions options) =>
        string.IsNullOrWhiteSpace(options.Directory)
            ? throw new InvalidOperationException($"{OutboxOptions.SectionName}:Directory is not set.")
            : options.Directory;

    /// <summary>The sink's provider id: stable per idempotency key, so a second send answers what the first did.</summary>
    public static string ProviderId(string folder, string idempotencyKey) => $"outbox:{folder}:{Fingerprint.Of(idempotencyKey)}";
}
