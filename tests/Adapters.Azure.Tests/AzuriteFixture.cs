using Azure;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using Microsoft.Extensions.Options;
using MonaSpark.Adapters.Azure.Storage;

namespace MonaSpark.Adapters.Azure.Tests;

/// <summary>
/// One Azurite for the whole run (start it with <c>eng/azurite.sh</c>; <c>AZURITE_CONNECTION_STRING</c>
/// overrides the default <c>UseDevelopmentStorage=true</c>). Connectivity is checked once, without
/// retries, so a missing emulator fails every test at once with one clear message.
/// </summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    public static string ConnectionString =>
        Environment.GetEnvironmentVariable("AZURITE_CONNECTION_STRING") is { Length: > 0 } configured ? configured : "UseDevelopmentStorage=true";

    public TableServiceClient Tables { get; } = StorageClients.CreateTableServiceClient(new AzureStorageOptions { ConnectionString = ConnectionString });

    public QueueServiceClient Queues { get; } = StorageClients.CreateQueueServiceClient(new AzureStorageOptions { ConnectionString = ConnectionString });

    public async Task InitializeAsync()
    {
        var probe = new TableClientOptions();
        probe.Retry.MaxRetries = 0;
        probe.Retry.NetworkTimeout = TimeSpan.FromSeconds(3);
        var queueProbe = new QueueClientOptions();
        queueProbe.Retry.MaxRetries = 0;
        queueProbe.Retry.NetworkTimeout = TimeSpan.FromSeconds(3);
        try
        {
            await using var tables = new TableServiceClient(ConnectionString, probe).QueryAsync(maxPerPage: 1).GetAsyncEnumerator();
            await tables.MoveNextAsync();
            await using var queues = new QueueServiceClient(ConnectionString, queueProbe).GetQueuesAsync().AsPages(pageSizeHint: 1).GetAsyncEnumerator();
            await queues.MoveNextAsync();
        }
        catch (Exception ex) when (ex is RequestFailedException or HttpRequestException or AggregateException or OperationCanceledException)
        {
            throw new InvalidOperationException(
                $"Azurite is not reachable with '{ConnectionString}' ({ex.GetType().Name}: {ex.Message}). Start it with eng/azurite.sh, or set AZURITE_CONNECTION_STRING.",
                ex);
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>Options with a table prefix and queue name of their own, so test classes never share rows or messages.</summary>
    public static IOptions<AzureStorageOptions> NewOptions()
    {
        var unique = Guid.NewGuid().ToString("N")[..12];
        return Options.Create(new AzureStorageOptions
        {
            ConnectionString = ConnectionString,
            TablePrefix = "t" + unique,
            WorkQueueName = "wq-" + unique,
        });
    }

    /// <summary>Deletes whatever tables and queues <paramref name="options"/> may have created.</summary>
    public async Task DeleteAsync(IOptions<AzureStorageOptions> options)
    {
        var settings = options.Value;
        await Task.WhenAll(TableNames.All.Select(name => Tables.DeleteTableAsync(settings.TablePrefix + name)));
        await Task.WhenAll(
            Queues.GetQueueClient(settings.WorkQueueName).DeleteIfExistsAsync(),
            Queues.GetQueueClient(settings.WorkQueueName + "-poison").DeleteIfExistsAsync());
    }
}
