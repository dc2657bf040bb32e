using System.CommandLine;
using MonaSpark.Domain.Sources;
using MonaSpark.LocalHost.Demo;

namespace MonaSpark.LocalHost.Cli;

/// <summary>
/// The command line: <c>serve</c>, <c>demo [--for] [--data]</c>, <c>kpis</c>. Bad input is one line
/// on stderr and exit code 2; an unusable data directory is one line and exit code 1.
/// </summary>
internal static class MonaSparkCli
{
    public const int UsageError = 2;

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var data = new Option<string>("--data")
        {
            Description = "The data directory (default ./.monaspark).",
            DefaultValueFactory = _ => ".monaspark",
            Recursive = true,
        };
        var duration = new Option<TimeSpan?>("--for")
        {
            Description = "Run for this long, then stop and print the report (e.g. 20s, 5m, 1h).",
            CustomParser = result =>
            {
                var token = result.Tokens.Count == 1 ? result.Tokens[0].Value : null;
                if (Durations.TryParse(token, out var value))
                {
                    return value;
                }

                result.AddError($"--for: '{token}' is not a duration (try 20s, 5m or 1h).");
                return null;
            },
        };
        var records = new Option<int>("--records")
        {
            Description = "How many sample artist records the demo ingests (default 165).",
            DefaultValueFactory = _ => DemoCommand.DefaultRecords,
        };
        records.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() is < 1 or > 100_000)
            {
                r.AddError("--records: must be from 1 to 100000.");
            }
        });
        var seed = new Option<int>("--seed") { Description = "Seed of the sample generator (default 42).", DefaultValueFactory = _ => 42 };

        var serve = new Command("serve", "Serve the HTTP surface and process the work queue until stopped.");
        serve.SetAction((result, ct) => ServeCommand.RunAsync(Path.GetFullPath(result.GetValue(data)!), output, error, ct));

        var demo = new Command("demo", "Ingest the bundled sample through the real pipeline, serve it, and report.") { duration, records, seed };
        demo.SetAction((result, ct) => DemoCommand.RunAsync(
            new DemoSettings(Path.GetFullPath(result.GetValue(data)!), result.GetValue(duration), result.GetValue(records), result.GetValue(seed)),
            output,
            error,
            ct));

        var kpis = new Command("kpis", "Print the pipeline figures.");
        kpis.SetAction((result, ct) => KpisCommand.RunAsync(Path.GetFullPath(result.GetValue(data)!), output, error, ct));

        var source = new Option<SourceKind>("--source")
        {
            Description = "The source whose documented shape the file holds: import, spotify, youtube, soundcloud, instagram, web.",
            Required = true,
            CustomParser = result =>
            {
                var token = result.Tokens.Count == 1 ? result.Tokens[0].Value : null;
                if (Enum.TryParse<SourceKind>(token, ignoreCase: true, out var kind) && kind != SourceKind.Artist && Enum.IsDefined(kind) && !int.TryParse(token, out _))
                {
                    return kind;
                }

                result.AddError($"--source: '{token}' is not one of import, spotify, youtube, soundcloud, instagram, web.");
                return default;
            },
        };
        var file = new Option<string>("--file") { Description = "A file with one JSON document per line.", Required = true };
        var ingest = new Command("ingest", "Land a file of payloads through validation and resolution.") { source, file };
        ingest.SetAction((result, ct) => IngestCommand.RunAsync(
            Path.GetFullPath(result.GetValue(data)!), result.GetValue(source), Path.GetFullPath(result.GetValue(file)!), output, error, ct));

        var limit = new Option<int>("--limit") { Description = "How many records to list (default 20).", DefaultValueFactory = _ => 20 };
        limit.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() is < 1 or > 10_000)
            {
                r.AddError("--limit: must be from 1 to 10000.");
            }
        });
        var quarantine = new Command("quarantine", "List quarantined records with every reason.") { limit };
        quarantine.SetAction((result, ct) => QuarantineCommand.RunAsync(Path.GetFullPath(result.GetValue(data)!), result.GetValue(limit), output, error, ct));

        var deadLetters = new Command("dead-letters", "List work items that failed for good, with the reason.") { limit };
        deadLetters.SetAction((result, ct) => QuarantineCommand.DeadLettersAsync(Path.GetFullPath(result.GetValue(data)!), result.GetValue(limit), output, error, ct));

        var count = new Option<int>("--count") { Description = "Synthetic contacted artists to simulate (default 5000).", DefaultValueFactory = _ => 5_000 };
        count.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() is < 1 or > 1_000_000)
            {
                r.AddError("--count: must be from 1 to 1000000.");
            }
        });
        var simulate = new Command("simulate-outcomes", "Write simulated outreach outcomes (synthetic artists) so that `train` has history.") { count, seed };
        simulate.SetAction((result, ct) => SimulateCommand.RunAsync(Path.GetFullPath(result.GetValue(data)!), result.GetValue(count), result.GetValue(seed), output, error, ct));

        var includeSimulated = new Option<bool>("--include-simulated") { Description = "Train on simulated outcomes too (demo data; never by default)." };
        var train = new Command("train", "Retrain the lead models from outcomes; promote the new one if it beats the champion.") { includeSimulated };
        train.SetAction((result, ct) => TrainCommand.RunAsync(Path.GetFullPath(result.GetValue(data)!), result.GetValue(includeSimulated), output, error, ct));

        var models = new Command("models", "List the lead models: champion, challenger and recent ones with their held-out figures.") { limit };
        models.SetAction((result, ct) => TrainCommand.ListAsync(Path.GetFullPath(result.GetValue(data)!), result.GetValue(limit), output, error, ct));

        var rebuild = new Command("rebuild-projections", "Delete every read model and rebuild it from the whole journal.");
        rebuild.SetAction((result, ct) => ProjectionsCommand.RebuildAsync(Path.GetFullPath(result.GetValue(data)!), output, error, ct));

        var reviews = new Command("reviews", "List uncertain matches waiting for a person's decision.") { limit };
        reviews.SetAction((result, ct) => ReviewCommands.ListAsync(Path.GetFullPath(result.GetValue(data)!), result.GetValue(limit), output, error, ct));

        var reviewId = new Argument<string>("id") { Description = "The review id (from `reviews`)." };
        var accept = new Option<bool>("--accept") { Description = "They are one artist: merge them." };
        var reject = new Option<bool>("--reject") { Description = "They are different artists: keep them apart." };
        var review = new Command("review", "Decide one uncertain match.") { reviewId, accept, reject };
        review.Validators.Add(r =>
        {
            if (r.GetValue(accept) == r.GetValue(reject))
            {
                r.AddError("review: give exactly one of --accept or --reject.");
            }
        });
        review.SetAction((result, ct) => ReviewCommands.DecideAsync(Path.GetFullPath(result.GetValue(data)!), result.GetValue(reviewId)!, result.GetValue(accept), output, error, ct));

        var survivor = new Argument<string>("survivor") { Description = "The artist that absorbed the other." };
        var mergedArtist = new Argument<string>("merged") { Description = "The artist merged into it." };
        var unmerge = new Command("unmerge", "Undo a merge: rebuild both artists from their own source records.") { survivor, mergedArtist };
        unmerge.SetAction((result, ct) => ReviewCommands.UnmergeAsync(Path.GetFullPath(result.GetValue(data)!), result.GetValue(survivor)!, result.GetValue(mergedArtist)!, output, error, ct));

        var draft = DraftCommand.Create(data, output, error);

        var journeys = new Command("journeys", "Journeys started, ended (by outcome) and in flight; messages by status; duplicate and lost-send checks.");
        journeys.SetAction((result, ct) => JourneysCommand.RunAsync(Path.GetFullPath(result.GetValue(data)!), output, error, ct));

        var root = new RootCommand("MonaSpark: from discovered artist to paying customer.") { data, serve, demo, kpis, ingest, quarantine, deadLetters, simulate, train, models, rebuild, reviews, review, unmerge, draft, journeys };
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            // "Unrecognized command or argument 'x'" says more than "Required command was not provided".
            var first = parsed.Errors.FirstOrDefault(e => e.Message.StartsWith("Unrecognized", StringComparison.Ordinal)) ?? parsed.Errors[0];
            await error.WriteLineAsync($"monaspark: {OneLine(first.Message)} (see --help)");
            return UsageError;
        }

        return await parsed.InvokeAsync(new InvocationConfiguration { Output = output, Error = error }, cancellationToken);
    }

    private static string OneLine(string message) => message.ReplaceLineEndings(" ").Trim();
}
