namespace MonaSpark.Adapters.Sources;

/// <summary>
/// A page could not be fetched: timeout, open circuit, refused credentials, an unparseable page or
/// a refusal the retries did not overcome. The message says which, so the sync report is enough to act.
/// </summary>
public sealed class SourceConnectorException : Exception
{
    public SourceConnectorException()
    {
    }

    public SourceConnectorException(string message)
        : base(message)
    {
    }

    public SourceConnectorException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
