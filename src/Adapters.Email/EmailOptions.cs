using System.ComponentModel.DataAnnotations;

namespace MonaSpark.Adapters.Email;

/// <summary>Who e-mail comes from and where it goes. Section <c>MonaSpark:Email</c>.</summary>
public sealed class EmailOptions
{
    public const string SectionName = "MonaSpark:Email";

    /// <summary>The sender's display name (default "Artist Relations, MonaSpark").</summary>
    [Required]
    public string FromName { get; set; } = "Artist Relations, MonaSpark";

    /// <summary>The sender's address: a domain with SPF, DKIM and DMARC set up for sending.</summary>
    [Required]
    [EmailAddress]
    public string FromAddress { get; set; } = "artists@monaspark.example";

    /// <summary>The domain of generated Message-IDs (default: the sender's domain).</summary>
    public string? MessageIdDomain { get; set; }

    /// <summary>Where the outbox sink writes <c>.eml</c> files (local host, tests).</summary>
    public string? OutboxDirectory { get; set; }

    /// <summary>SMTP server host; empty writes to the outbox instead.</summary>
    public string? SmtpHost { get; set; }

    [Range(1, 65535)]
    public int SmtpPort { get; set; } = 587;

    /// <summary>Require STARTTLS (default true; off only for a loopback sink).</summary>
    public bool SmtpStartTls { get; set; } = true;

    public string? SmtpUser { get; set; }

    public string? SmtpPassword { get; set; }
}
