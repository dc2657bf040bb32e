using System.ComponentModel.DataAnnotations;

namespace MonaSpark.Adapters.Azure;

/// <summary>
/// Where the Azure adapters keep their tables and queues. Section <c>MonaSpark:Azure</c>.
/// Either <see cref="ConnectionString"/> (Azurite, development) or both service URIs with Entra ID
/// (Azure: the function app's user-assigned identity, keys are off on the account).
/// </summary>
public sealed class AzureStorageOptions : IValidatableObject
{
    public const string SectionName = "MonaSpark:Azure";

    /// <summary>
    /// A storage connection string, e.g. <c>UseDevelopmentStorage=true</c> for Azurite. When set it is
    /// used for both tables and queues and the URIs are ignored. Default: none.
    /// </summary>
    public string? ConnectionString { get; set; }

    /// <summary>Table endpoint, e.g. <c>https://{account}.table.core.windows.net/</c> (app setting <c>MonaSpark__Azure__TableServiceUri</c>).</summary>
    public Uri? TableServiceUri { get; set; }

    /// <summary>Queue endpoint, e.g. <c>https://{account}.queue.core.windows.net/</c> (app setting <c>MonaSpark__Azure__QueueServiceUri</c>).</summary>
    public Uri? QueueServiceUri { get; set; }

    /// <summary>Client id of the user-assigned managed identity; empty uses the default credential chain as is.</summary>
    public string? ManagedIdentityClientId { get; set; }

    /// <summary>
    /// Prepended to every table name (default empty). Tests give each test class its own prefix so
    /// they share one Azurite without seeing each other's rows. Letters and digits only.
    /// </summary>
    [RegularExpression("^([A-Za-z][A-Za-z0-9]{0,39})?$", ErrorMessage = "TablePrefix is up to 40 letters or digits and starts with a letter.")]
    public string TablePrefix { get; set; } = "";

    /// <summary>
    /// The work queue (default <c>work-items</c>, the queue the Functions trigger listens on); its
    /// poison queue is this name + <c>-poison</c>, as the Functions runtime names it.
    /// </summary>
    [Required]
    [RegularExpression("^[a-z0-9][a-z0-9-]{1,54}[a-z0-9]$", ErrorMessage = "WorkQueueName is 3-56 lower-case letters, digits or dashes.")]
    public string WorkQueueName { get; set; } = "work-items";

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (string.IsNullOrWhiteSpace(ConnectionString) && (TableServiceUri is null || QueueServiceUri is null))
        {
            yield return new ValidationResult(
                $"Set either {SectionName}:ConnectionString or both {SectionName}:TableServiceUri and {SectionName}:QueueServiceUri.",
                [nameof(ConnectionString), nameof(TableServiceUri), nameof(QueueServiceUri)]);
        }
    }
}
