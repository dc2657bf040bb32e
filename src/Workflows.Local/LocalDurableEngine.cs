using System.Net.Sockets;
using DurableTask.Core;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.DurableTask.Testing.Sidecar;
using Microsoft.DurableTask.Testing.Sidecar.Grpc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace MonaSpark.Workflows.Local;

/// <summary>
/// The durable task engine inside the local host: the in-memory backend
/// (<see cref="InMemoryOrchestrationService"/>, with <see cref="ConcurrentOrchestrationService"/>'s
/// limits) behind the Durable Task gRPC sidecar (<see cref="TaskHubGrpcServer"/>), served by a
/// private Kestrel on a Unix socket. The host's worker and client talk to it over
/// <see cref="Channel"/> exactly as they would talk to any Durable Task backend. Started before the
/// worker (a hosted service registered ahead of it); in-memory, so orchestrations in flight end with
/// the process and are resumed from the journal (ADR-009).
/// </summary>
public sealed partial class LocalDurableEngine : IHostedService, IAsyncDisposable
{
    private readonly DurableEngineOptions options;
    private readonly ILoggerFactory loggerFactory;
    private readonly ILogger<LocalDurableEngine> logger;
    private WebApplication? sidecar;

    public LocalDurableEngine(DurableEngineOptions options, ILoggerFactory loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.options = options;
        this.loggerFactory = loggerFactory;
        logger = loggerFactory.CreateLogger<LocalDurableEngine>();
        SocketPath = options.SocketPath ?? Path.Combine(Path.GetTempPath(), $"monaspark-dt-{Environment.ProcessId}-{Guid.NewGuid():N}"[..40] + ".sock");
        Channel = CreateChannel(SocketPath);
    }

    /// <summary>The Unix socket the engine listens on.</summary>
    public string SocketPath { get; }

    /// <summary>The channel the worker and the client use (it connects on first use).</summary>
    public GrpcChannel Channel { get; }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (File.Exists(SocketPath))
        {
            File.Delete(SocketPath); // a socket left by a process that died
        }

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        builder.Logging.ClearProviders();
        builder.Logging.AddProvider(new ForwardingLoggerProvider(loggerFactory));

        // The sidecar logs every gRPC call at Information (PLATFORM.md).
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.ConfigureKestrel(k => k.ListenUnixSocket(SocketPath, l => l.Protocols = HttpProtocols.Http2));
        var services = builder.Services;
        services.AddGrpc();
        services.AddSingleton<InMemoryOrchestrationService>();
        services.AddSingleton<IOrchestrationService>(sp => new ConcurrentOrchestrationService(
            sp.GetRequiredService<InMemoryOrchestrationService>(), options.MaxConcurrentOrchestrations, options.MaxConcurrentActivities));
        services.AddSingleton<IOrchestrationServiceClient>(sp => sp.GetRequiredService<InMemoryOrchestrationService>());
        services.AddOptions<TaskHubGrpcServerOptions>().Configure(o => o.Mode = TaskHubGrpcServerMode.ApiServerAndDispatcher);
        services.AddSingleton<TaskHubGrpcServer>();

        var app = builder.Build();
        app.MapGrpcService<TaskHubGrpcServer>();
        await app.StartAsync(cancellationToken);
        sidecar = app;
        LogStarted(logger, options.MaxConcurrentOrchestrations, options.MaxConcurrentActivities);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (sidecar is { } app)
        {
            sidecar = null;
            await app.StopAsync(cancellationToken);
            await app.DisposeAsync();
        }

        if (File.Exists(SocketPath))
        {
            File.Delete(SocketPath);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync(CancellationToken.None);
        Channel.Dispose();
    }

    private static GrpcChannel CreateChannel(string socketPath)
    {
        var handler = new SocketsHttpHandler
        {
            ConnectCallback = async (_, cancellationToken) =>
            {
                var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
                try
                {
                    await socket.ConnectAsync(new UnixDomainSocketEndPoint(socketPath), cancellationToken);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
            EnableMultipleHttp2Connections = true,
        };

        // The authority is ignored: the handler always dials the socket.
        return GrpcChannel.ForAddress("http://localhost", new GrpcChannelOptions { HttpHandler = handler, DisposeHttpClient = true });
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Durable task engine started (in-memory backend; up to {Orchestrations} orchestrations and {Activities} activities at once)")]
    private static partial void LogStarted(ILogger logger, int orchestrations, int activities);

    /// <summary>Hands the sidecar's loggers to the host's factory, so its warnings land with the host's.</summary>
    private sealed class ForwardingLoggerProvider(ILoggerFactory factory) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => factory.CreateLogger(categoryName);

        public void Dispose()
        {
        }
    }
}
