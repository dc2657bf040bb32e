using System.Runtime.InteropServices;
using MonaSpark.LocalHost.Cli;

using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    Stop();
};
using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
{
    context.Cancel = true;
    Stop();
});
return await MonaSparkCli.RunAsync(args, Console.Out, Console.Error, stop.Token);

// A second signal (a wrapper forwarding the first) can arrive while the process is already ending.
void Stop()
{
    try
    {
        stop.Cancel();
    }
    catch (ObjectDisposedException)
    {
    }
}
