namespace MonaSpark.Domain.Outreach.Copy;

/// <summary>Who is writing: the company and the person or team signing (GDPR Art. 14(1)(a)).</summary>
public sealed record SenderIdentity
{
    public SenderIdentity(string company, string name)
    {
        Company = Checked(company, nameof(company));
        Name = Checked(name, nameof(name));
    }

    public string Company { get; }

    public string Name { get; }

    private static string Checked(string value, string parameter)
    {
        var clean = PlainText.Clean(value);
        if (clean.Length is 0 or > 60 || clean != value)
        {
            throw new ArgumentException("A sender company or name is 1–60 characters of plain text on one line.", parameter);
        }

        return clean;
    }
}
