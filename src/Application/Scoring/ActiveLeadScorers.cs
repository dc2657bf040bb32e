using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MonaSpark.Application.Options;
using MonaSpark.Application.Ports;
using MonaSpark.Application.Training;
using MonaSpark.Domain.Artists;

namespace MonaSpark.Application.Scoring;

/// <summary>
/// The scorer for each artist: the champion model (the baseline formula until one is promoted), or
/// the challenger for the artists in its share. Roles are re-read from the registry every
/// <see cref="TrainingOptions.ModelRefreshInterval"/> (and at once after a training in this process);
/// loaded models are kept by id. A model that cannot be loaded leaves the baseline in its place, logged.
/// </summary>
public sealed partial class ActiveLeadScorers(
    IModelRegistry registry,
    ILeadModelTrainer trainer,
    BaselineLeadScorer baseline,
    IOptions<TrainingOptions> options,
    TimeProvider time,
    ILogger<ActiveLeadScorers> logger) : IDisposable
{
    private readonly SemaphoreSlim _refresh = new(1, 1);
    private readonly Dictionary<string, ILeadScorer> _loaded = new(StringComparer.Ordinal);
    private volatile Active? _active;

    /// <summary>The scorer for <paramref name="artistId"/>.</summary>
    public async Task<ILeadScorer> ForAsync(ArtistId artistId, CancellationToken cancellationToken = default)
    {
        var active = await CurrentAsync(cancellationToken);
        return active.Challenger is { } challenger && ArtistBuckets.In(artistId, ArtistBuckets.Challenger, options.Value.ChallengerPercent)
            ? challenger
            : active.Champion;
    }

    /// <summary>The champion's scorer (the baseline when none is promoted).</summary>
    public async Task<ILeadScorer> ChampionAsync(CancellationToken cancellationToken = default) =>
        (await CurrentAsync(cancellationToken)).Champion;

    /// <summary>Forgets the roles read so far: the next call reads them again (after a training or promotion).</summary>
    public void Invalidate() => _active = null;

    private async Task<Active> CurrentAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (_active is { } fresh && now - fresh.ReadAt < options.Value.ModelRefreshInterval)
        {
            return fresh;
        }

        await _refresh.WaitAsync(cancellationToken);
        try
        {
            if (_active is { } again && now - again.ReadAt < options.Value.ModelRefreshInterval)
            {
                return again;
            }

            var roles = await registry.GetRolesAsync(cancellationToken);

            // Keep only the models in a role: a retired one is released (its engines go with it once
            // the calls still holding it return).
            foreach (var retired in _loaded.Keys.Where(id => id != roles.Champion && id != roles.Challenger).ToList())
            {
                _loaded.Remove(retired);
            }

            var champion = await LoadAsync(roles.Champion, cancellationToken) ?? baseline;
            var challenger = await LoadAsync(roles.Challenger, cancellationToken);
            var active = new Active(champion, challenger, now);
            _active = active;
            return active;
        }
        finally
        {
            _refresh.Release();
        }
    }

    private async Task<ILeadScorer?> LoadAsync(string? modelId, CancellationToken cancellationToken)
    {
        if (modelId is null)
        {
            return null;
        }

        if (_loaded.TryGetValue(modelId, out var loaded))
        {
            return loaded;
        }

        var content = await registry.GetContentAsync(modelId, cancellationToken);
        if (content is null)
        {
            LogMissing(logger, modelId);
            return null;
        }

        try
        {
            var scorer = trainer.Load(modelId, content);
            _loaded[modelId] = scorer;
            return scorer;
        }
        catch (Exception ex) when (ex is InvalidDataException or FormatException or InvalidOperationException or ArgumentException)
        {
            LogUnloadable(logger, modelId, ex);
            return null;
        }
    }

    public void Dispose() => _refresh.Dispose();

    private sealed record Active(ILeadScorer Champion, ILeadScorer? Challenger, DateTimeOffset ReadAt);

    [LoggerMessage(Level = LogLevel.Error, Message = "Model {ModelId} has a role but no content in the registry; the baseline scores in its place")]
    private static partial void LogMissing(ILogger logger, string modelId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Model {ModelId} could not be loaded; the baseline scores in its place")]
    private static partial void LogUnloadable(ILogger logger, string modelId, Exception exception);
}
