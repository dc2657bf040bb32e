namespace MonaSpark.Sources.WebFixtures;

/// <summary>One fixture page: where it is served, whose page it is, and what kind of page it is.</summary>
/// <param name="Slug">Resource name and path segment (<c>luna-vale</c> → <c>/luna-vale/</c>).</param>
/// <param name="Path">Path on the server, e.g. <c>/luna-vale/</c>.</param>
/// <param name="ArtistName">The name the page shows (what extraction should find).</param>
/// <param name="Kind">How the page is built.</param>
public sealed record WebFixturePage(string Slug, string Path, string ArtistName, WebFixtureKind Kind);

/// <summary>How a fixture page is built, i.e. which path of the scraper it exercises.</summary>
public enum WebFixtureKind
{
    /// <summary>Static HTML: link-in-bio page or artist site.</summary>
    Static = 0,
    /// <summary>A Bandcamp-style album page.</summary>
    Bandcamp,
    /// <summary>Empty until its script runs: needs the browser.</summary>
    ScriptRendered,
    /// <summary>Under a path robots.txt disallows.</summary>
    RobotsDisallowed,
    /// <summary>Markup and instructions in its text, hidden text, hostile links.</summary>
    Hostile,
}
