namespace MonaSpark.Application.Ports;

/// <summary>
/// A copywriter's answer was not a draft (not the JSON asked for, missing fields). A rejection the
/// use case counts and retries, not a crash. The message says what was wrong, never the answer itself.
/// </summary>
public sealed class MalformedDraftException : Exception
{
    public MalformedDraftException()
    {
    }

    public MalformedDraftException(string message)
        : base(message)
    {
    }

    public MalformedDraftException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
