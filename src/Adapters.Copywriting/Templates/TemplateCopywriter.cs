using MonaSpark.Application.Ports;
using MonaSpark.Domain.Outreach.Copy;

namespace MonaSpark.Adapters.Copywriting.Templates;

/// <summary>
/// The embedded copywriter and everyone's fallback: the brief's variant from the template catalogue
/// (<see cref="TemplateCatalog"/>), wording chosen per artist but stable, facts substituted, optional
/// sentences dropped last-first until the channel's limit is met, the privacy notice appended.
/// Deterministic, so feedback on a rejected draft changes nothing.
/// </summary>
public sealed class TemplateCopywriter : ICopywriter
{
    public const string WriterName = "template";

    public string Name => WriterName;

    public Task<CopyDraft> DraftAsync(CopyRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Task.FromResult(Draft(request.Brief));
    }

    internal static CopyDraft Draft(CopyBrief brief)
    {
        var template = TemplateCatalog.Find(brief.Language, brief.Channel, brief.Variant.Id);
        var values = Values(brief);
        var seed = $"{brief.ArtistId}|{brief.Variant.Id}|{brief.Channel}";
        var subject = Subject(template, values, seed, brief.Limits.MaxSubject);
        var blocks = TemplateEngine.OptionalBlocks(template.Body);
        for (var dropped = 0; ; dropped++)
        {
            var body = PrivacyNotice.AppendTo(TemplateEngine.Render(template.Body, values, seed, dropped), brief);
            if (brief.Limits.BodyFits(body) || dropped >= blocks)
            {
                return new CopyDraft(subject, body);
            }
        }
    }

    /// <summary>The profile facts with the sender, the company and the landing link.</summary>
    internal static IReadOnlyDictionary<string, string> Values(CopyBrief brief) =>
        new Dictionary<string, string>(brief.Facts, StringComparer.Ordinal)
        {
            ["sender"] = brief.Sender.Name,
            ["company"] = brief.Sender.Company,
            ["landing"] = brief.Links.Landing.AbsoluteUri,
        };

    /// <summary>One of the subjects whose values exist, stable per seed; cut at a word (with "…") past the limit.</summary>
    private static string Subject(CopyTemplate template, IReadOnlyDictionary<string, string> values, string seed, int max)
    {
        var candidates = template.Subjects.Where(s => TemplateEngine.CanRender(s, values)).ToList();
        if (candidates.Count == 0)
        {
            return string.Empty;
        }

        var subject = TemplateEngine.Render(candidates[TemplateEngine.Pick(seed, -1, candidates.Count)], values, seed);
        if (PlainText.Length(subject) <= max)
        {
            return subject;
        }

        var cut = PlainText.Clean(subject, max - 1);
        return cut.Length < subject.Length ? cut.TrimEnd(',', ':', ' ') + "…" : cut;
    }
}
