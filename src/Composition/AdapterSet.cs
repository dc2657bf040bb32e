namespace MonaSpark.Composition;

/// <summary>Which adapter family implements the ports.</summary>
public enum AdapterSet
{
    /// <summary>The embedded default: SQLite in a local data directory, no cloud account, no network.</summary>
    Local = 0,

    /// <summary>Production: Azure Table Storage and Storage queues, plus the Event Hubs journal publisher, Azure AI Search and Azure OpenAI, each when configured.</summary>
    Azure = 1,
}
