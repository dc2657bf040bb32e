using MonaSpark.Domain.Artists;

namespace MonaSpark.Adapters.Copywriting.Templates;

/// <summary>
/// The texts of one variant on one channel in one language, in <see cref="TemplateEngine"/> syntax.
/// Subjects are alternatives: one that renders and fits is picked per artist; channels without a
/// subject have none.
/// </summary>
internal sealed record CopyTemplate(string Language, ContactChannel Channel, string VariantId, IReadOnlyList<string> Subjects, string Body);
