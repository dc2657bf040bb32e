using System.ComponentModel.DataAnnotations;
using MonaSpark.Domain.Validation;

namespace MonaSpark.Application.Portal;

/// <summary>The customer portal (<c>/portal</c>). Section <c>MonaSpark:Portal</c>.</summary>
public sealed class PortalOptions
{
    public const string SectionName = "MonaSpark:Portal";

    /// <summary>How long a sign-in link works (default 15 minutes); it works once.</summary>
    [TimeSpanRange("00:01:00", "1.00:00:00")]
    public TimeSpan LinkLifetime { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How long a signed-in session lasts (default 12 hours).</summary>
    [TimeSpanRange("00:05:00", "7.00:00:00")]
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(12);

    /// <summary>Sign-in links sent to one address per clock hour, at most (default 3); more requests get the same answer and no e-mail.</summary>
    [Range(1, 100)]
    public int LinksPerAddressPerHour { get; set; } = 3;

    /// <summary>How often the live updates read the account (default 1 second).</summary>
    [TimeSpanRange("00:00:00.100", "00:01:00")]
    public TimeSpan LivePollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How often the live updates send a comment to keep the connection open (default 15 seconds).</summary>
    [TimeSpanRange("00:00:01", "00:05:00")]
    public TimeSpan LiveHeartbeat { get; set; } = TimeSpan.FromSeconds(15);
}
