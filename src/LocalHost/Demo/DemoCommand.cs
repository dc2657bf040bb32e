using System.Diagnostics;
using MonaSpark.Application.Ingestion;
using MonaSpark.Application.Ports;
using MonaSpark.Application.Queries;
using MonaSpark.Domain.Events;
using MonaSpark.LocalHost.Cli;
using MonaSpark.LocalHost.Hosting;
using MonaSpark.Sources.Recordings;
using MonaSpark.Sources.WebFixtures;

namespace MonaSpark.LocalHost.Demo;

/// <summary>
/// <c>demo</c>: lands the bundled sample through the real use cases (work queue → validate → store
/// → score), serves the HTTP surface meanwhile, and prints a report at the end.
/// </summary>
internal static class DemoCommand
{
    public const int DefaultRecords = 165;

    public static async Task<int> RunAsync(DemoSettings settings, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        // No credentials here: the API connectors talk to recorded payloads served on loopback, through the same code.
        await using var recorded = await RecordedSourcesServer.StartAsync(cancellationToken);
        await using var pages = await WebFixtureServer.StartAsync(cancellationToken: cancellationToken);
        var sourceSettings = new Dictionary<string, string?>(recorded.ConnectorSettings(), StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in pages.ConnectorSettings())
        {
            sourceSettings[key] = value;
        }

        foreach (var (key, value) in DemoOutreach.Settings)
        {
            sourceSettings[key] = value;
        }

        await using var app = LocalWebHost.Build(
            settings.DataDirectory,
            quiet: true,
            services => services.AddSingleton<ISourceConnector>(sp => new SampleArtistSource(settings.Records, settings.Seed, sp.GetRequiredService<TimeProvider>())),
            sourceSettings);
        if (await HostStartup.StartAsync(app, cancellationToken) is { } problem)
        {
            await error.WriteLineAsync($"monaspark: {problem}");
            return HostStartup.DataError;
        }

        var time = app.Services.GetRequiredService<TimeProvider>();
        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (settings.Duration is { } limit)
        {
            bounded.CancelAfter(limit);
        }

        var clock = Stopwatch.StartNew();
        await output.WriteLineAsync($"MonaSpark demo: serving {string.Join(", ", app.Urls)}, data in {settings.DataDirectory}");
        await output.WriteLineAsync(settings.Duration is { } d ? $"Running for {d}; the report follows." : "Ctrl+C stops and prints the report.");
        try
        {
            await IngestAsync(app.Services, settings.Records, output, bounded.Token);
            await WaitForPipelineAsync(app.Services, output, time, bounded.Token);
            await TrainAsync(app.Services, settings.Seed, output, bounded.Token);
            await WaitForPipelineAsync(app.Services, output, time, bounded.Token);
            await output.WriteLineAsync($"Pipeline drained in {clock.Elapsed.TotalSeconds:F1} s.");
            await DemoOutreach.RunAsync(app.Services, settings, output, bounded.Token);
            await output.WriteLineAsync($"Done in {clock.Elapsed.TotalSeconds:F1} s. Try /dashboard and /api/leads while it serves.");
            await Task.Delay(Timeout.InfiniteTimeSpan, time, bounded.Token);
        }
        catch (OperationCanceledException) when (bounded.IsCancellationRequested)
        {
            // The duration ended or the user pressed Ctrl+C: report what was done.
        }

        await app.StopAsync(CancellationToken.None);
        var kpis = await app.Services.GetRequiredService<KpiQuery>().GetAsync(CancellationToken.None);
        var top = await app.Services.GetRequiredService<LeadQueries>().TopAsync(10, CancellationToken.None);
        await Report.WriteDemoAsync(output, kpis, top, clock.Elapsed);
        await WriteResolutionAsync(app.Services, output);
        return 0;
    }

    private static async Task IngestAsync(IServiceProvider services, int records, TextWriter output, CancellationToken cancellationToken)
    {
        var sync = services.GetRequiredService<SourceSync>();
        var progress = new SynchronousProgress<SyncProgress>(p =>
        {
            if (p.Fetched % 50 == 0)
            {
                output.WriteLine($"  landing {p.Connector}… {p.Fetched}");
            }
        });

        // The demo always lands its whole sample, fresh or not.
        var report = await sync.RunAsync(maxPages: (records / SourceSync.PageSize) + 10, force: true, progress: progress, cancellationToken: cancellationToken);
        foreach (var source in report.Sources)
        {
            var done = source.Queued > 0
                ? $"  {source.Connector,-11} {source.Queued,5} pages queued for fetching"
                : $"  {source.Connector,-11} {source.Fetched,5} records fetched, {source.Added} new";
            await output.WriteLineAsync(source.Error is null ? done : $"{done}, then failed: {source.Error}");
        }
    }

    /// <summary>Outcomes to learn from before any outreach has run: simulated (synthetic artists, labelled so), then a training run.</summary>
    public const int SimulatedOutcomes = 5_000;

    /// <summary>
    /// No outreach has run in a fresh demo, so there are no real outcomes yet: the demo writes simulated
    /// ones (synthetic art-sim… artists from a known rule), trains, and the leads are rescored by the
    /// model that wins on held-out outcomes (or stay with the baseline when it does not).
    /// </summary>
    private static async Task TrainAsync(IServiceProvider services, int seed, TextWriter output, CancellationToken cancellationToken)
    {
        var simulated = await Simulation.SimulatedOutcomes.WriteAsync(
            services.GetRequiredService<IUnitOfWork>(),
            services.GetRequiredService<IFeatureStore>(),
            services.GetRequiredService<IJournal>(),
            SimulatedOutcomes,
            seed,
            services.GetRequiredService<TimeProvider>().GetUtcNow(),
            cancellationToken);
        await output.WriteLineAsync($"Simulated outcomes (no outreach has run yet): {simulated.Contacted} synthetic artists contacted, {simulated.Conversions} converted.");
        var report = await services.GetRequiredService<Application.Training.TrainLeadModels>().RunAsync(includeSimulated: true, cancellationToken);
        await TrainCommand.WriteAsync(output, report);
    }

    private static async Task WaitForPipelineAsync(IServiceProvider services, TextWriter output, TimeProvider time, CancellationToken cancellationToken)
    {
        var kpiQuery = services.GetRequiredService<KpiQuery>();
        var lastReport = -1L;
        while (true)
        {
            var kpis = await kpiQuery.GetAsync(cancellationToken);
            var done = kpis.RecordsIngested - kpis.RecordsPending;
            if (kpis.RecordsPending == 0 && kpis.QueueDepth == 0)
            {
                await output.WriteLineAsync($"  processed {done}/{kpis.RecordsIngested}; scored {kpis.LeadsScored} leads");
                return;
            }

            if (done != lastReport)
            {
                await output.WriteLineAsync($"  processing… {done}/{kpis.RecordsIngested} records, {kpis.LeadsScored} leads scored, {kpis.QueueDepth} items queued");
                lastReport = done;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(250), time, cancellationToken);
        }
    }

    /// <summary>How records from different sources came together: folds by match, merges, and matches left for a person to review.</summary>
    private static async Task WriteResolutionAsync(IServiceProvider services, TextWriter output)
    {
        var journal = services.GetRequiredService<IJournal>();
        int folded = 0, merged = 0, unmerged = 0;
        long after = 0;
        while (await journal.ReadAsync(after, 1000, CancellationToken.None) is { Count: > 0 } page)
        {
            foreach (var entry in page)
            {
                switch (entry.Event)
                {
                    case ProfileEnriched { MatchConfidence: < 1.0 }:
                        folded++;
                        break;
                    case ArtistMerged:
                        merged++;
                        break;
                    case ArtistUnmerged:
                        unmerged++;
                        break;
                }
            }

            after = page[^1].Position;
        }

        var reviews = await services.GetRequiredService<IMatchReviewStore>().ListPendingAsync(10_000, CancellationToken.None);
        await output.WriteLineAsync();
        await output.WriteLineAsync("Resolution across sources");
        await output.WriteLineAsync($"  records folded into an existing artist by name, link or e-mail: {folded}");
        await output.WriteLineAsync($"  artists merged: {merged} (undone: {unmerged})");
        await output.WriteLineAsync($"  uncertain matches kept apart for review: {reviews.Count} (GET /api/reviews)");
        var artists = services.GetRequiredService<IArtistStore>();
        foreach (var review in reviews.Take(3))
        {
            var a = await artists.GetAsync(review.ArtistA, CancellationToken.None);
            var b = await artists.GetAsync(review.ArtistB, CancellationToken.None);
            await output.WriteLineAsync(string.Create(
                System.Globalization.CultureInfo.InvariantCulture,
                $"    {a?.Name.Value} ({a?.Name.Provenance.Source}) ~ {b?.Name.Value} ({b?.Name.Provenance.Source}): {review.Confidence:F2}, {string.Join("; ", review.Reasons)}"));
        }
    }

    /// <summary>Reports on the caller's thread, in order (Progress&lt;T&gt; would post to the thread pool).</summary>
    private sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}
