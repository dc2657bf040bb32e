using BenchmarkDotNet.Running;
using MonaSpark.Benchmarks;

if (args is ["profile", ..])
{
    await Profile.RunAsync(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 2000);
    return;
}

if (args is ["scoring", ..])
{
    ScoringBenchmarks.Latency(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 200_000);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
