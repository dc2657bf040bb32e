using System.ComponentModel.DataAnnotations;
using MonaSpark.Adapters.Http;

namespace MonaSpark.Adapters.Sources;

/// <summary>
/// What every API connector shares: where the API is and how its calls are made resilient. Each
/// source's options derive from this and set their own documented rate limit in the constructor.
/// </summary>
public abstract class SourceConnectorOptions : OutboundResilienceOptions
{
    /// <summary>APIs answer 429/503 in bursts: one more retry than the shared default (4).</summary>
    protected SourceConnectorOptions() => MaxRetryAttempts = 4;

    /// <summary>Root of the API, version included (request paths resolve under it); overridable so tests and the demo point at a local server.</summary>
    [Required]
    public Uri? BaseUri { get; set; }
}
