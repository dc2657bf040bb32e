using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Queues;

namespace MonaSpark.Adapters.Azure;

/// <summary>Builds the service clients from <see cref="AzureStorageOptions"/>, for the container and for tests.</summary>
internal static class StorageClients
{
    public static TableServiceClient CreateTableServiceClient(AzureStorageOptions options, TokenCredential? credential = null) =>
        string.IsNullOrWhiteSpace(options.ConnectionString)
            ? new TableServiceClient(Required(options.TableServiceUri, nameof(options.TableServiceUri)), credential ?? CreateCredential(options))
            : new TableServiceClient(options.ConnectionString);

    /// <summary>
    /// Base64 message bodies: the Functions queue trigger decodes base64 by default, so the work queue
    /// and the trigger read each other's messages.
    /// </summary>
    public static QueueServiceClient CreateQueueServiceClient(AzureStorageOptions options, TokenCredential? credential = null)
    {
        var clientOptions = new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 };
        return string.IsNullOrWhiteSpace(options.ConnectionString)
            ? new QueueServiceClient(Required(options.QueueServiceUri, nameof(options.QueueServiceUri)), credential ?? CreateCredential(options), clientOptions)
            : new QueueServiceClient(options.ConnectionString, clientOptions);
    }

    /// <summary>
    /// The app's user-assigned identity in Azure; on a developer machine the same chain falls through
    /// to the Azure CLI / Visual Studio sign-in, which rbac.bicep grants the same data roles.
    /// </summary>
    public static TokenCredential CreateCredential(AzureStorageOptions options) =>
        new DefaultAzureCredential(new DefaultAzureCredentialOptions
        {
            ManagedIdentityClientId = string.IsNullOrWhiteSpace(options.ManagedIdentityClientId) ? null : options.ManagedIdentityClientId,
        });

    private static Uri Required(Uri? uri, string name) =>
        uri ?? throw new InvalidOperationException($"{AzureStorageOptions.SectionName}:{name} is required when no connection string is set.");
}
