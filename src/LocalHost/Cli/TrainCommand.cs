using System.Globalization;
using MonaSpark.Application.Training;
using MonaSpark.Application.Work;
using MonaSpark.LocalHost.Hosting;

namespace MonaSpark.LocalHost.Cli;

/// <summary>
/// <c>train</c>: retrains the lead models from the outcomes in the journal, promotes the new model
/// when it beats the champion on held-out outcomes (or keeps it as challenger), then rescores the
/// leads and prints what happened.
/// </summary>
internal static class TrainCommand
{
    public static Task<int> RunAsync(string dataDirectory, bool includeSimulated, TextWriter output, TextWriter error, CancellationToken cancellationToken) =>
        HostStartup.WithExistingDataAsync(dataDirectory, error, async services =>
        {
            var report = await services.GetRequiredService<TrainLeadModels>().RunAsync(includeSimulated, cancellationToken);
            await WriteAsync(output, report);
            if (report.RescoringQueued > 0)
            {
                var runner = services.GetRequiredService<QueuedWorkRunner>();
                while (await runner.RunBatchAsync(WorkQueuePump.BatchSize, cancellationToken) > 0)
                {
                }

                await output.WriteLineAsync($"Rescored {report.RescoringQueued} leads.");
            }

            return 0;
        });

    /// <summary><c>models</c>: the champion and challenger, and the registry's recent models with their held-out figures.</summary>
    public static Task<int> ListAsync(string dataDirectory, int limit, TextWriter output, TextWriter error, CancellationToken cancellationToken) =>
        HostStartup.WithExistingDataAsync(dataDirectory, error, async services =>
        {
            var inv = CultureInfo.InvariantCulture;
            var models = await services.GetRequiredService<Application.Queries.ModelsQuery>().GetAsync(limit, cancellationToken);
            await output.WriteLineAsync($"Champion: {models.Champion}{(models.ChampionModel is null ? " (the baseline formula)" : "")}");
            await output.WriteLineAsync(models.Challenger is { } challenger ? string.Create(inv, $"Challenger: {challenger.Id} on {models.ChallengerPercent}% of artists") : "Challenger: none");
            await output.WriteLineAsync(string.Create(inv, $"{"model",-32} {"trained at",-17} {"outcomes",8} {"AUC",6} {"log loss",8} {"calibration",11}"));
            foreach (var m in models.Recent)
            {
                await output.WriteLineAsync(string.Create(inv,
                    $"{m.Id,-32} {m.CreatedAt.UtcDateTime,-17:yyyy-MM-dd HH:mm} {m.TrainedOn,8:N0} {m.Metrics.Auc,6:F3} {m.Metrics.LogLoss,8:F3} {m.Metrics.CalibrationError,11:F3}"));
            }

            return 0;
        });

    public static async Task WriteAsync(TextWriter output, TrainingReport report)
    {
        var inv = CultureInfo.InvariantCulture;
        await output.WriteLineAsync(string.Create(inv, $"Outcomes: {report.Labels} closed ({report.WithoutFeatures} without features at decision time); {report.Training} to train on, {report.Holdout} held out."));
        if (report.Model is not { } model)
        {
            await output.WriteLineAsync(report.Decision);
            return;
        }

        var champion = report.ChampionMetrics!;
        await output.WriteLineAsync(string.Create(inv, $"Trained {model.Id} on {model.TrainedOn} outcomes ({model.TrainedPositives} conversions)."));
        await output.WriteLineAsync(string.Create(inv, $"  held out         AUC    log loss  calibration error"));
        await output.WriteLineAsync(string.Create(inv, $"  {model.Id,-16} {model.Metrics.Auc,5:F3}  {model.Metrics.LogLoss,8:F3}  {model.Metrics.CalibrationError,17:F3}"));
        await output.WriteLineAsync(string.Create(inv, $"  {report.Champion,-16} {champion.Auc,5:F3}  {champion.LogLoss,8:F3}  {champion.CalibrationError,17:F3}  (champion)"));
        await output.WriteLineAsync(report.Promoted ? $"Promoted {model.Id} to champion: {report.Decision}." : $"Champion {report.Champion} kept; {model.Id} {report.Decision}.");
    }
}
