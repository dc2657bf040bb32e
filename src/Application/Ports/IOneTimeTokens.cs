namespace MonaSpark.Application.Ports;

/// <summary>
/// Single use, across every instance: the first caller to consume an id wins, every later caller
/// (another instance, a replay, a race) is refused. Used for the portal's sign-in links and for the
/// per-address sign-in allowance. An id is kept at least until <c>expiresAt</c>; after that the
/// store may forget it, so callers refuse expired ids themselves before consuming.
/// </summary>
public interface IOneTimeTokens
{
    /// <summary>Consumes <paramref name="id"/>: true the first time, false ever after (while it is kept).</summary>
    Task<bool> TryConsumeAsync(string id, DateTimeOffset expiresAt, CancellationToken cancellationToken = default);
}
