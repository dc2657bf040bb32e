using MonaSpark.Domain.Validation;

namespace MonaSpark.Application.Landing;

/// <summary>Landing pages (<c>/l/{token}</c>). Section <c>MonaSpark:Landing</c>.</summary>
public sealed class LandingOptions
{
    public const string SectionName = "MonaSpark:Landing";

    /// <summary>How long the edge serves a page without asking (<c>s-maxage</c>; default 5 minutes).</summary>
    [TimeSpanRange("00:00:00", "1.00:00:00")]
    public TimeSpan EdgeFor { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long the edge may serve a stale page while it fetches a fresh one (<c>stale-while-revalidate</c>; default a day).</summary>
    [TimeSpanRange("00:00:00", "7.00:00:00")]
    public TimeSpan StaleFor { get; set; } = TimeSpan.FromDays(1);

    /// <summary>Views of one artist's page closer together than this count once (default 10 minutes).</summary>
    [TimeSpanRange("00:00:00", "1.00:00:00")]
    public TimeSpan ViewsCountOnceWithin { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Proof points shown under the offer, per language (<c>en</c>, <c>fr</c>); defaults when empty.</summary>
    public Dictionary<string, List<string>> ProofPoints { get; set; } = [];

    public IReadOnlyList<string> ProofPointsIn(string language) =>
        ProofPoints.TryGetValue(language, out var points) && points.Count > 0 ? points
        : language == "fr" ? DefaultFrench : DefaultEnglish;

    private static readonly string[] DefaultEnglish =
    [
        "Your releases pitched to the playlists and blogs that fit your sound",
        "A weekly report of what grew and why",
        "No commitment: cancel in one click",
    ];

    private static readonly string[] DefaultFrench =
    [
        "Vos sorties proposées aux playlists et blogs qui vont avec votre son",
        "Un rapport chaque semaine : ce qui a progressé, et pourquoi",
        "Sans engagement : résiliable en un clic",
    ];
}
