using Azure.Monitor.OpenTelemetry.Exporter;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MonaSpark.Application.Telemetry;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace MonaSpark.Composition;

/// <summary>OpenTelemetry for both hosts: the use cases' traces and metrics, ASP.NET Core and HttpClient.</summary>
public static class TelemetryExtensions
{
    /// <summary>The setting that turns on the Azure Monitor exporter (set by the Bicep on the function app).</summary>
    public const string AzureMonitorSetting = "APPLICATIONINSIGHTS_CONNECTION_STRING";

    /// <summary>
    /// Adds tracing and metrics. Exporters: Azure Monitor when <c>APPLICATIONINSIGHTS_CONNECTION_STRING</c>
    /// is configured; hosts add their own (the local host adds Prometheus on <c>/metrics</c>).
    /// </summary>
    public static IOpenTelemetryBuilder AddMonaSparkTelemetry(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var azureMonitor = builder.Configuration[AzureMonitorSetting];
        var otel = builder.Services.AddOpenTelemetry()
            .WithTracing(tracing =>
            {
                tracing.AddSource(MonaSparkTelemetry.Name).AddAspNetCoreInstrumentation().AddHttpClientInstrumentation();
                if (!string.IsNullOrWhiteSpace(azureMonitor))
                {
                    tracing.AddAzureMonitorTraceExporter(o => o.ConnectionString = azureMonitor);
                }
            })
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(MonaSparkTelemetry.Name).AddAspNetCoreInstrumentation().AddHttpClientInstrumentation();
                if (!string.IsNullOrWhiteSpace(azureMonitor))
                {
                    metrics.AddAzureMonitorMetricExporter(o => o.ConnectionString = azureMonitor);
                }
            });
        return otel;
    }
}
