using BenchmarkDotNet.Running;
using MonaSpark.Benchmarks;

if (args is ["profile", ..])
{
    await Profile.RunAsync(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 2000);
    return;
}

if (args is ["sample-file", var countText, var path])
{
    // One import record per line, for timing `ingest --file` end to end.
    await File.WriteAllLinesAsync(path, SampleRecords.Create(int.Parse(countText, System.Globalization.CultureInfo.InvariantCulture)).Select(r => r.Payload));
    return;
}

if (args is ["vectors", ..])
{
    await VectorLatency.RunAsync(100_000, args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 1_000);
    return;
}

if (args is ["scoring", ..])
{
    ScoringBenchmarks.Latency(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 200_000);
    return;
}

if (args is ["orchestration", ..])
{
    await OrchestrationThroughput.RunAsync(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 2_000);
    return;
}

if (args is ["landing", ..])
{
    LandingRender.Run(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 100_000);
    return;
}

if (args is ["journeys", ..])
{
    await JourneyThroughput.RunAsync(
        args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 10_000,
        args.Length > 2 ? double.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 180,
        args.Length > 3 ? int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture) : 20);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
