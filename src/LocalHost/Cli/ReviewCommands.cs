using System.Globalization;
using MonaSpark.Application.Ports;
using MonaSpark.Application.Resolution;
using MonaSpark.Application.Work;
using MonaSpark.Domain.Artists;
using MonaSpark.LocalHost.Hosting;

namespace MonaSpark.LocalHost.Cli;

/// <summary>
/// The person's side of resolution: <c>reviews</c> lists uncertain matches, <c>review &lt;id&gt;
/// --accept|--reject</c> decides one (accepting merges the pair), <c>unmerge &lt;survivor&gt;
/// &lt;merged&gt;</c> undoes a merge by rebuilding both artists from their own source records.
/// </summary>
internal static class ReviewCommands
{
    public static Task<int> ListAsync(string dataDirectory, int limit, TextWriter output, TextWriter error, CancellationToken cancellationToken) =>
        HostStartup.WithExistingDataAsync(dataDirectory, error, async services =>
        {
            var reviews = await services.GetRequiredService<IMatchReviewStore>().ListPendingAsync(limit, cancellationToken);
            var artists = services.GetRequiredService<IArtistStore>();
            await output.WriteLineAsync($"Matches waiting for review (at most {limit} shown): {reviews.Count}");
            foreach (var review in reviews)
            {
                var a = await artists.GetAsync(review.ArtistA, cancellationToken);
                var b = await artists.GetAsync(review.ArtistB, cancellationToken);
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"{review.Id}  {review.Confidence:F2}  {a?.Name.Value} [{review.ArtistA}, {a?.Name.Provenance.Source}]  ~  {b?.Name.Value} [{review.ArtistB}, {b?.Name.Provenance.Source}]"));
                await output.WriteLineAsync($"    {string.Join("; ", review.Reasons)}");
            }

            return 0;
        });

    public static Task<int> DecideAsync(string dataDirectory, string id, bool accept, TextWriter output, TextWriter error, CancellationToken cancellationToken) =>
        HostStartup.WithExistingDataAsync(dataDirectory, error, async services =>
        {
            var decided = await services.GetRequiredService<MatchReviewDecisions>().DecideAsync(id, accept, cancellationToken);
            if (decided is null)
            {
                await error.WriteLineAsync($"monaspark: no review '{id}' (see `reviews`)");
                return MonaSparkCli.UsageError;
            }

            await DrainAsync(services, cancellationToken);
            if (!accept)
            {
                await output.WriteLineAsync($"Rejected: {decided.ArtistA} and {decided.ArtistB} stay apart and will not be proposed again.");
                return 0;
            }

            var a = await services.GetRequiredService<IArtistStore>().GetAsync(decided.ArtistA, cancellationToken);
            var (kept, gone) = a?.MergedInto is { } into ? (into, decided.ArtistA) : (decided.ArtistA, decided.ArtistB);
            await output.WriteLineAsync($"Accepted: {gone} merged into {kept}; `unmerge {kept} {gone}` undoes it.");
            return 0;
        });

    public static Task<int> UnmergeAsync(string dataDirectory, string survivor, string merged, TextWriter output, TextWriter error, CancellationToken cancellationToken) =>
        HostStartup.WithExistingDataAsync(dataDirectory, error, async services =>
        {
            if (!ArtistId.TryParse(survivor, out var survivorId) || !ArtistId.TryParse(merged, out var mergedId))
            {
                await error.WriteLineAsync("monaspark: artist ids are ASCII letters, digits or dashes (see `reviews` or /api/artists)");
                return MonaSparkCli.UsageError;
            }

            if (!await services.GetRequiredService<UnmergeArtists>().UnmergeAsync(survivorId, mergedId, cancellationToken))
            {
                await error.WriteLineAsync($"monaspark: {mergedId} is not merged into {survivorId}");
                return MonaSparkCli.UsageError;
            }

            await DrainAsync(services, cancellationToken);
            await output.WriteLineAsync($"Unmerged: {survivorId} was rebuilt from its own records and {mergedId} stands alone again; both were rescored.");
            return 0;
        });

    private static async Task DrainAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var runner = services.GetRequiredService<QueuedWorkRunner>();
        while (await runner.RunBatchAsync(WorkQueuePump.BatchSize, cancellationToken) > 0)
        {
        }
    }
}
