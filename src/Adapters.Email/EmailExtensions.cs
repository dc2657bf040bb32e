using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using MonaSpark.Application.Ports;

namespace MonaSpark.Adapters.Email;

/// <summary>Registers the e-mail channel, when configured.</summary>
public static class EmailExtensions
{
    /// <summary>
    /// The e-mail channel from the <c>MonaSpark:Email</c> section: SMTP when <c>SmtpHost</c> is set,
    /// else the outbox sink when <c>OutboxDirectory</c> is set, else none (no e-mail can be sent).
    /// <code>
    /// { "MonaSpark": { "Email": { "FromAddress": "artists@example.com", "SmtpHost": "smtp.example.com", "SmtpPort": 587 } } }
    /// </code>
    /// </summary>
    public static IHostApplicationBuilder AddEmail(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var section = builder.Configuration.GetSection(EmailOptions.SectionName);
        builder.Services.AddOptions<EmailOptions>().Bind(section).ValidateDataAnnotations().ValidateOnStart();
        if (!string.IsNullOrWhiteSpace(section[nameof(EmailOptions.SmtpHost)]))
        {
            builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IOutreachChannel, SmtpEmailChannel>());
        }
        else if (!string.IsNullOrWhiteSpace(section[nameof(EmailOptions.OutboxDirectory)]))
        {
            builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IOutreachChannel, OutboxEmailChannel>());
        }

        return builder;
    }
}
