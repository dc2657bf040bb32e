namespace MonaSpark.Adapters.Sources.Http;

/// <summary>A local call budget (rate limit window, daily quota) is spent: stop the page, keep the cursor.</summary>
internal sealed class SourceBudgetExhaustedException : Exception
{
    public SourceBudgetExhaustedException()
    {
    }

    public SourceBudgetExhaustedException(string message)
        : base(message)
    {
    }

    public SourceBudgetExhaustedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
