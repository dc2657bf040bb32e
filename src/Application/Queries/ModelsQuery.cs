using Microsoft.Extensions.Options;
using MonaSpark.Application.Options;
using MonaSpark.Application.Ports;
using MonaSpark.Application.Scoring;

namespace MonaSpark.Application.Queries;

/// <summary>Read model of the lead models: who is champion and challenger, with their held-out figures, and the registry's history.</summary>
public sealed class ModelsQuery(IModelRegistry registry, IOptions<TrainingOptions> options)
{
    public async Task<ModelsView> GetAsync(int history = 10, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(history, 1);
        var roles = await registry.GetRolesAsync(cancellationToken);
        var champion = roles.Champion is { } c ? await registry.GetAsync(c, cancellationToken) : null;
        var challenger = roles.Challenger is { } d ? await registry.GetAsync(d, cancellationToken) : null;
        return new ModelsView(
            champion?.Id ?? BaselineLeadScorer.Version,
            champion,
            challenger,
            challenger is null ? 0 : options.Value.ChallengerPercent,
            await registry.ListAsync(history, cancellationToken));
    }
}

/// <summary>The champion (the baseline formula when <see cref="ChampionModel"/> is null), the challenger and its share, and recent models.</summary>
public sealed record ModelsView(string Champion, ModelRecord? ChampionModel, ModelRecord? Challenger, int ChallengerPercent, IReadOnlyList<ModelRecord> Recent);
