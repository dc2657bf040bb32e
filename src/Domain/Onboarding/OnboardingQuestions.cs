using System.Globalization;
using System.Net.Mail;
using MonaSpark.Domain.Artists;

namespace MonaSpark.Domain.Onboarding;

/// <summary>How a question is answered.</summary>
public enum QuestionKind
{
    Text = 0,
    Choice = 1,
    Number = 2,
    Email = 3,
    Country = 4,
}

/// <summary>One question of the onboarding form.</summary>
/// <param name="Id">Stable id (the form field's name).</param>
/// <param name="Options">For a choice: the allowed values, in order.</param>
/// <param name="AskedWhen">Null: always asked; else asked only when this earlier answer has this value (branching).</param>
public sealed record Question(string Id, QuestionKind Kind, IReadOnlyList<string> Options, (string Id, string Value)? AskedWhen = null, int MaxLength = 80, int Min = 0, int Max = 0);

/// <summary>
/// The adaptive onboarding form: one question at a time, the branches that apply to this artist only
/// (a band is asked how many members; a signed artist which label), what the profile already says
/// offered for confirmation, and the plan last. Pure: the form's state is the answers so far.
/// </summary>
public static class OnboardingQuestions
{
    public const string Name = "name";
    public const string Act = "act";
    public const string Members = "members";
    public const string Deal = "deal";
    public const string Label = "label";
    public const string Genre = "genre";
    public const string Country = "country";
    public const string Goal = "goal";
    public const string Email = "email";
    public const string Plan = "plan";

    public static readonly IReadOnlyList<string> Acts = ["solo", "band"];
    public static readonly IReadOnlyList<string> Deals = ["independent", "signed"];
    public static readonly IReadOnlyList<string> Goals = ["streams", "fans", "shows", "press"];

    /// <summary>The questions in order, for offers <paramref name="planIds"/>.</summary>
    public static IReadOnlyList<Question> For(IReadOnlyList<string> planIds) =>
    [
        new(Name, QuestionKind.Text, []),
        new(Act, QuestionKind.Choice, Acts),
        new(Members, QuestionKind.Number, [], (Act, "band"), Min: 2, Max: 30),
        new(Deal, QuestionKind.Choice, Deals),
        new(Label, QuestionKind.Text, [], (Deal, "signed")),
        new(Genre, QuestionKind.Text, [], MaxLength: 40),
        new(Country, QuestionKind.Country, []),
        new(Goal, QuestionKind.Choice, Goals),
        new(Email, QuestionKind.Email, [], MaxLength: 254),
        new(Plan, QuestionKind.Choice, planIds),
    ];

    /// <summary>The questions that apply given <paramref name="answers"/> (a branch not taken is not asked).</summary>
    public static IReadOnlyList<Question> Applicable(IReadOnlyList<Question> questions, IReadOnlyDictionary<string, string> answers)
    {
        ArgumentNullException.ThrowIfNull(questions);
        ArgumentNullException.ThrowIfNull(answers);
        return [.. questions.Where(q => q.AskedWhen is not { } when || (answers.TryGetValue(when.Id, out var value) && value == when.Value))];
    }

    /// <summary>The next question without an answer, or null when the form is complete.</summary>
    public static Question? Next(IReadOnlyList<Question> questions, IReadOnlyDictionary<string, string> answers) =>
        Applicable(questions, answers).FirstOrDefault(q => !answers.ContainsKey(q.Id));

    /// <summary>What the profile already says for a question, offered for confirmation (null: nothing known).</summary>
    public static string? Known(Question question, Artist artist)
    {
        ArgumentNullException.ThrowIfNull(question);
        ArgumentNullException.ThrowIfNull(artist);
        return question.Id switch
        {
            Name => artist.Name.Value,
            Genre => artist.Genres?.Value is { Count: > 0 } genres ? genres[0] : null,
            Country => artist.Country?.Value.Value,
            Email => artist.ContactPoints.FirstOrDefault(c => c.Channel == ContactChannel.Email && c.IsBusinessContact)?.Address,
            _ => null,
        };
    }

    private static bool IsRegion(string code)
    {
        try
        {
            return new RegionInfo(code).TwoLetterISORegionName == code;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    /// <summary>The answer, cleaned, or the reason it is refused (an error code: required, too-long, choice, number, email, country).</summary>
    public static (string? Value, string? Error) Validate(Question question, string? raw)
    {
        ArgumentNullException.ThrowIfNull(question);
        var value = (raw ?? string.Empty).Trim();
        if (value.Length == 0)
        {
            return (null, "required");
        }

        if (value.Length > question.MaxLength)
        {
            return (null, "too-long");
        }

        if (value.Any(c => char.IsControl(c)))
        {
            return (null, "characters");
        }

        switch (question.Kind)
        {
            case QuestionKind.Choice:
                return question.Options.Contains(value, StringComparer.Ordinal) ? (value, null) : (null, "choice");
            case QuestionKind.Number:
                return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= question.Min && n <= question.Max
                    ? (n.ToString(CultureInfo.InvariantCulture), null)
                    : (null, "number");
            case QuestionKind.Email:
                return MailAddress.TryCreate(value, out var address) && address.Address == value && value.Contains('.', StringComparison.Ordinal) ? (value, null) : (null, "email");
            case QuestionKind.Country:
                var upper = value.ToUpperInvariant();
                return CountryCode.IsValid(upper) && IsRegion(upper) ? (upper, null) : (null, "country");
            default:
                return (value, null);
        }
    }
}
