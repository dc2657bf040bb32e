namespace MonaSpark.Adapters.Local;

/// <summary>
/// The configured data directory cannot be used: it belongs to something else, its database is
/// corrupt, or it was written by a newer MonaSpark. The message is one line, fit for a CLI error.
/// </summary>
public sealed class DataDirectoryException : Exception
{
    public DataDirectoryException()
    {
    }

    public DataDirectoryException(string message)
        : base(message)
    {
    }

    public DataDirectoryException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
