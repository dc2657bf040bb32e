namespace MonaSpark.Application.Work;

/// <summary>A failure that no retry can fix (unknown kind, malformed message): dead-letter at once.</summary>
public sealed class PermanentWorkException : Exception
{
    public PermanentWorkException()
    {
    }

    public PermanentWorkException(string message)
        : base(message)
    {
    }

    public PermanentWorkException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
