namespace MonaSpark.Application.Ports;

/// <summary>An optimistic-concurrency conflict: someone else saved the entity first. Reload and retry.</summary>
public sealed class ConcurrencyException : Exception
{
    public ConcurrencyException()
    {
    }

    public ConcurrencyException(string message)
        : base(message)
    {
    }

    public ConcurrencyException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
