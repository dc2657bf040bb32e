using MonaSpark.Domain.Artists;

namespace MonaSpark.Domain.Outreach;

/// <summary>One version of a campaign's message: channel, template and traffic weight.</summary>
public sealed record Variant(string Id, string Name, ContactChannel Channel, string TemplateKey, int Weight);
