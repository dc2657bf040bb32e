using System.Collections.Concurrent;
using System.Diagnostics;
using System.Reflection;

namespace MonaSpark.Benchmarks;

/// <summary>
/// A timing proxy over a port: where a use case spends its time, call by call. Used by
/// <c>dotnet run -c Release -- profile</c>, not by the benchmarks themselves.
/// </summary>
public class PortTimings<T> : DispatchProxy
    where T : class
{
    public static readonly ConcurrentDictionary<string, (long Calls, long Ticks)> Totals = new();

    private T _inner = null!;

    public static T Wrap(T inner)
    {
        var proxy = Create<T, PortTimings<T>>();
        ((PortTimings<T>)(object)proxy)._inner = inner;
        return proxy;
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        var started = Stopwatch.GetTimestamp();
        var result = targetMethod!.Invoke(_inner, args);
        if (result is Task task)
        {
            task.ContinueWith(_ => Record(targetMethod, started), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }
        else
        {
            Record(targetMethod, started);
        }

        return result;
    }

    private static void Record(MethodInfo method, long started)
    {
        var elapsed = Stopwatch.GetTimestamp() - started;
        Totals.AddOrUpdate($"{typeof(T).Name}.{method.Name}", (1, elapsed), (_, t) => (t.Calls + 1, t.Ticks + elapsed));
    }
}
