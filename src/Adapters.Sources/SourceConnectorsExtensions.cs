using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using MonaSpark.Adapters.Sources.Http;
using MonaSpark.Adapters.Sources.Instagram;
using MonaSpark.Adapters.Sources.SoundCloud;
using MonaSpark.Adapters.Sources.Spotify;
using MonaSpark.Adapters.Sources.YouTube;
using MonaSpark.Application.Ports;

namespace MonaSpark.Adapters.Sources;

/// <summary>Registers the first-party API connectors whose configuration is present.</summary>
public static class SourceConnectorsExtensions
{
    /// <summary>
    /// Registers each API connector as an <see cref="ISourceConnector"/> only when its section has
    /// credentials (or a <c>BaseUri</c>), each with its named <see cref="HttpClient"/> and resilience
    /// pipeline, options validated at start:
    /// <code>
    /// {
    ///   "MonaSpark": {
    ///     "Sources": {
    ///       "Spotify":    { "ClientId": "…", "ClientSecret": "…",
    ///                       "SearchQueries": [ "genre:chanson" ], "ArtistIds": [ "0TnOYISbd1XYRBk9myaseg" ] },
    ///       "YouTube":    { "ApiKey": "…", "ChannelIds": [ "UC…" ], "SearchQueries": [ "indie pop live" ],
    ///                       "DailyQuotaUnits": 10000 },
    ///       "SoundCloud": { "ClientId": "…", "ClientSecret": "…", "UserIds": [ "3207" ] },
    ///       "Instagram":  { "AccessToken": "…", "IgUserId": "17841400000000000", "Usernames": [ "bluebottle" ] }
    ///     }
    ///   }
    /// }
    /// </code>
    /// Every section also takes <c>BaseUri</c> (and <c>TokenUri</c> where there is one) to point at a
    /// local server, and the resilience settings of <see cref="SourceConnectorOptions"/>. Secrets come
    /// from user secrets, environment variables (<c>MonaSpark__Sources__Spotify__ClientSecret</c>) or Key Vault.
    /// </summary>
    public static IHostApplicationBuilder AddSourceConnectors(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddSingleton(TimeProvider.System);
        if (IsConfigured(builder.Configuration, SpotifyOptions.SectionName, "ClientId"))
        {
            Add<SpotifyOptions, SpotifySourceConnector>(builder.Services, SpotifyOptions.SectionName, "spotify");
        }

        if (IsConfigured(builder.Configuration, YouTubeOptions.SectionName, "ApiKey"))
        {
            Add<YouTubeOptions, YouTubeSourceConnector>(builder.Services, YouTubeOptions.SectionName, "youtube");
        }

        if (IsConfigured(builder.Configuration, SoundCloudOptions.SectionName, "ClientId"))
        {
            Add<SoundCloudOptions, SoundCloudSourceConnector>(builder.Services, SoundCloudOptions.SectionName, "soundcloud");
        }

        if (IsConfigured(builder.Configuration, InstagramOptions.SectionName, "AccessToken"))
        {
            Add<InstagramOptions, InstagramSourceConnector>(builder.Services, InstagramOptions.SectionName, "instagram");
        }

        return builder;
    }

    private static bool IsConfigured(IConfiguration configuration, string section, string credential)
    {
        var s = configuration.GetSection(section);
        return !string.IsNullOrWhiteSpace(s[credential]) || !string.IsNullOrWhiteSpace(s["BaseUri"]);
    }

    private static void Add<TOptions, TConnector>(IServiceCollection services, string section, string key)
        where TOptions : SourceConnectorOptions
        where TConnector : class, ISourceConnector
    {
        services.AddOptions<TOptions>().BindConfiguration(section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSourceHttpClient<TOptions>(key);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ISourceConnector, TConnector>());
    }
}
