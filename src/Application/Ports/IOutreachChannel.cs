using MonaSpark.Domain.Artists;
using MonaSpark.Domain.Outreach;

namespace MonaSpark.Application.Ports;

/// <summary>Delivers a rendered message on one channel. Sending the same idempotency key twice sends once.</summary>
public interface IOutreachChannel
{
    ContactChannel Channel { get; }

    Task<SendResult> SendAsync(Message message, CancellationToken cancellationToken = default);
}

/// <summary>The provider's answer: accepted with its message id, or refused with a reason.</summary>
public sealed record SendResult(bool Accepted, string? ProviderMessageId, string? Error);
