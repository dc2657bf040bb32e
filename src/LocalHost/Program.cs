using System.Runtime.InteropServices;
using MonaSpark.LocalHost.Cli;

using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.Cancel();
};
using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
{
    context.Cancel = true;
    stop.Cancel();
});
return await MonaSparkCli.RunAsync(args, Console.Out, Console.Error, stop.Token);
