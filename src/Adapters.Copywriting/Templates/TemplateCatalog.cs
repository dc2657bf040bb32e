using MonaSpark.Domain.Artists;

namespace MonaSpark.Adapters.Copywriting.Templates;

/// <summary>
/// The embedded templates: every variant on every channel in English and French. Only values and
/// common vocabulary appear capitalised, so every text passes the guardrails for any profile (a test
/// renders them all). Keys: the <see cref="Domain.Outreach.Copy.CopyFacts"/> keys plus <c>sender</c>,
/// <c>company</c> and <c>landing</c>.
/// </summary>
internal static partial class TemplateCatalog
{
    public static readonly IReadOnlyList<CopyTemplate> All = [.. English, .. French];

    /// <exception cref="InvalidOperationException">No template for the combination (a catalogue bug: every one exists).</exception>
    public static CopyTemplate Find(string language, ContactChannel channel, string variantId) =>
        All.FirstOrDefault(t => t.Language == language && t.Channel == channel && t.VariantId == variantId)
        ?? throw new InvalidOperationException($"No {language} template for {channel}/{variantId}.");
}
