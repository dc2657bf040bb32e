using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using MonaSpark.Adapters.Local.Vectors;
using MonaSpark.Application.Options;
using MonaSpark.Application.Ports;

namespace MonaSpark.Adapters.Local;

/// <summary>Registers the embedded SQLite adapters for every storage port.</summary>
public static class LocalAdaptersExtensions
{
    /// <summary>
    /// Registers the SQLite store, journal and work queue, bound to the <c>MonaSpark:Local</c> section:
    /// <code>
    /// {
    ///   "MonaSpark": {
    ///     "Local": {
    ///       "DataDirectory": "./.monaspark"   // created when missing; holds monaspark.db and monaspark.json
    ///     }
    ///   }
    /// }
    /// </code>
    /// or the environment variable <c>MonaSpark__Local__DataDirectory</c>. The directory is checked when
    /// storage is first used; hosts call <see cref="SqliteDatabase.EnsureCreated"/> at start to fail early.
    /// </summary>
    public static IHostApplicationBuilder AddLocalAdapters(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<LocalStorageOptions>().Bind(builder.Configuration.GetSection(LocalStorageOptions.SectionName));
        builder.Services.AddSqliteStorage();

        // The local stand-in for the payment provider (sessions as files; the Stripe adapter replaces it).
        builder.Services.TryAddSingleton<LocalPaymentGateway>();
        builder.Services.TryAddSingleton<IPaymentGateway>(sp => sp.GetRequiredService<LocalPaymentGateway>());
        return builder;
    }

    /// <summary>
    /// Registers <see cref="SqliteDatabase"/> and the six storage ports as singletons, with
    /// <see cref="LocalStorageOptions"/> validated at start. Binds no configuration, so it works
    /// without a host: pass <paramref name="configure"/> or configure the options yourself.
    /// </summary>
    public static IServiceCollection AddSqliteStorage(this IServiceCollection services, Action<LocalStorageOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<LocalStorageOptions>().ValidateDataAnnotations().ValidateOnStart();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        // The queue reads MaxAttempts; the application binds the section, this only makes IOptions resolvable alone.
        services.AddOptions<WorkQueueOptions>();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<SqliteDatabase>();
        services.TryAddSingleton<IArtistStore, SqliteArtistStore>();
        services.TryAddSingleton<ISourceRecordStore, SqliteSourceRecordStore>();
        services.TryAddSingleton<IQuarantineStore, SqliteQuarantineStore>();
        services.TryAddSingleton<ILeadStore, SqliteLeadStore>();
        services.TryAddSingleton<IJournal, SqliteJournal>();
        services.TryAddSingleton<IWorkQueue, SqliteWorkQueue>();
        services.TryAddSingleton<ISourceCursorStore, SqliteSourceCursorStore>();
        services.TryAddSingleton<IMatchReviewStore, SqliteMatchReviewStore>();
        services.TryAddSingleton<IFeatureStore, SqliteFeatureStore>();
        services.TryAddSingleton<IModelRegistry, SqliteModelRegistry>();
        services.TryAddSingleton<IReadModelStore, SqliteReadModelStore>();
        services.TryAddSingleton<IContactRegistry, SqliteContactRegistry>();
        services.TryAddSingleton<IOutreachMessageStore, SqliteOutreachMessageStore>();
        services.TryAddSingleton<ISenderLedger, SqliteSenderLedger>();
        services.TryAddSingleton<IProviderRateLimiter, InProcessProviderRateLimiter>();
        services.TryAddSingleton<IOneTimeTokens, SqliteOneTimeTokens>();
        services.AddSingleton<IUnitOfWork, SqliteUnitOfWork>();
        services.AddSqliteVectorIndex();
        return services;
    }

    /// <summary>
    /// Registers <see cref="SqliteVectorIndex"/> as <see cref="IVectorIndex"/> (unless one is registered
    /// already) and <see cref="SqliteDatabase"/> if missing, with <see cref="LocalVectorIndexOptions"/>
    /// bound to the optional section <c>MonaSpark:VectorIndex</c> (<c>Model</c>, <c>Mode</c>,
    /// <c>RescoreFactor</c>). Needs <see cref="LocalStorageOptions"/> configured.
    /// </summary>
    public static IServiceCollection AddSqliteVectorIndex(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<LocalVectorIndexOptions>().BindConfiguration(LocalVectorIndexOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<SqliteDatabase>();
        services.TryAddSingleton<SqliteVectorIndex>();
        services.TryAddSingleton<IVectorIndex>(sp => sp.GetRequiredService<SqliteVectorIndex>());
        return services;
    }
}
