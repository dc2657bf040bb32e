namespace MonaSpark.Adapters.Scraping.Safety;

/// <summary>
/// A page (or a hop on the way to it) that must not be fetched: a refusal by policy, never retried.
/// The connector skips the page and logs <see cref="Reason"/>.
/// </summary>
public sealed class PageRefusedException : Exception
{
    public PageRefusedException()
        : this(RefusalReason.Policy, "The page was refused.")
    {
    }

    public PageRefusedException(string message)
        : this(RefusalReason.Policy, message)
    {
    }

    public PageRefusedException(string message, Exception innerException)
        : base(message, innerException)
    {
        Reason = RefusalReason.Policy;
    }

    public PageRefusedException(RefusalReason reason, string message)
        : base(message)
    {
        Reason = reason;
    }

    public RefusalReason Reason { get; }

    /// <summary>The refusal behind <paramref name="exception"/> (SocketsHttpHandler wraps what ConnectCallback throws), if any.</summary>
    public static PageRefusedException? Find(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is PageRefusedException refused)
            {
                return refused;
            }
        }

        return null;
    }
}
