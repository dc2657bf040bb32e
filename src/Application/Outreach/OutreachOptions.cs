using System.ComponentModel.DataAnnotations;
using MonaSpark.Domain.Artists;
using MonaSpark.Domain.Commerce;
using MonaSpark.Domain.Outreach;
using MonaSpark.Domain.Outreach.Policies;
using MonaSpark.Domain.Validation;

namespace MonaSpark.Application.Outreach;

/// <summary>
/// Outreach: campaigns and offers, the order channels are tried in, links, senders, send windows and
/// provider rate limits. Section <c>MonaSpark:Outreach</c>. Lists left empty get the defaults.
/// </summary>
public sealed class OutreachOptions
{
    public const string SectionName = "MonaSpark:Outreach";

    /// <summary>Campaigns a journey can run (default: <c>first-contact</c> selling <c>spark-monthly</c> with the intro and momentum angles).</summary>
    public List<CampaignSettings> Campaigns { get; set; } = [];

    /// <summary>Offers, priced per currency in minor units (default: <c>spark-monthly</c>).</summary>
    public List<OfferSettings> Offers { get; set; } = [];

    /// <summary>Channels in the order a journey tries them (default e-mail, SMS, web push, DM); the next one is used when one fails.</summary>
    public List<ContactChannel> ChannelOrder { get; set; } = [];

    /// <summary>How long landing and unsubscribe links stay valid for the landing page (default 30 days; unsubscribing works after).</summary>
    [TimeSpanRange("1.00:00:00", "365.00:00:00")]
    public TimeSpan LinkLifetime { get; set; } = TimeSpan.FromDays(30);

    /// <summary>The currency of artists in markets with no known currency (default EUR).</summary>
    [Required]
    public string DefaultCurrency { get; set; } = "EUR";

    /// <summary>The zone of recipients whose country is unknown (default Europe/Paris).</summary>
    [Required]
    public string DefaultTimeZone { get; set; } = "Europe/Paris";

    /// <summary>
    /// Send windows per channel in the recipient's local time: <c>HH:mm-HH:mm</c>, then optionally the days
    /// (<c>Mon-Sat</c>, <c>Mon,Wed,Fri</c>; omitted: every day), e.g. <c>"09:00-20:00 Mon-Sat"</c>.
    /// Unset channels keep the defaults (docs/send-policy.md).
    /// </summary>
    public Dictionary<ContactChannel, string> Windows { get; set; } = [];

    /// <summary>Messages per person across channels in <see cref="FrequencyWindow"/> (default 2).</summary>
    [Range(1, 100)]
    public int FrequencyCap { get; set; } = 2;

    [TimeSpanRange("01:00:00", "90.00:00:00")]
    public TimeSpan FrequencyWindow { get; set; } = TimeSpan.FromDays(7);

    /// <summary>The sender each channel's messages go out from (its quota and health are tracked under this name).</summary>
    public Dictionary<ContactChannel, string> Senders { get; set; } = [];

    /// <summary>Provider rate limits per channel (a token bucket's rate and burst, shared by every instance).</summary>
    public Dictionary<ContactChannel, RateLimitSettings> RateLimits { get; set; } = [];

    /// <summary>
    /// The longest a send waits for its provider's slot (default 10 s): beyond it the send is given back to
    /// its queue and retried later, so a backed-up provider never holds a worker for long.
    /// </summary>
    [TimeSpanRange("00:00:00", "00:10:00")]
    public TimeSpan MaxRateWait { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Warm-up and automatic pause thresholds of senders.</summary>
    public SenderHealthSettings SenderHealth { get; set; } = new();

    /// <summary>How long after the artist's last message a DM may answer (default 24 hours, the platforms' messaging window).</summary>
    [TimeSpanRange("00:01:00", "7.00:00:00")]
    public TimeSpan ConversationWindow { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Work waiting in the send path above which new journeys start more slowly (backpressure; default 500).</summary>
    [Range(1, 1_000_000)]
    public int BackpressureDepth { get; set; } = 500;

    public CampaignSettings Campaign(string id) =>
        Campaigns.FirstOrDefault(c => c.Id == id) ?? throw new ArgumentException($"Unknown campaign '{id}'.", nameof(id));

    public Offer Offer(string id)
    {
        var offer = Offers.FirstOrDefault(o => o.Id == id) ?? throw new ArgumentException($"Unknown offer '{id}'.", nameof(id));
        return new Offer(offer.Id, offer.Name, offer.Period, offer.Prices.ToDictionary(p => new CurrencyCode(p.Key), p => p.Value));
    }

    /// <summary>
    /// The offer's price for an artist based in <paramref name="country"/>: in their market's currency
    /// (<see cref="Markets.CurrencyOf"/>), else in the default currency; null when it has neither.
    /// </summary>
    public Money? PriceFor(Offer offer, CountryCode? country)
    {
        ArgumentNullException.ThrowIfNull(offer);
        var fallback = new CurrencyCode(DefaultCurrency);
        return offer.PriceIn(Markets.CurrencyOf(country, fallback)) ?? offer.PriceIn(fallback);
    }

    public string SenderFor(ContactChannel channel) =>
        Senders.TryGetValue(channel, out var sender) && !string.IsNullOrWhiteSpace(sender) ? sender : $"{channel.ToString().ToLowerInvariant()}:primary";

    public TimeZoneInfo DefaultZone() => TimeZoneInfo.FindSystemTimeZoneById(DefaultTimeZone);

    /// <summary>The send policy's settings: the defaults, with the configured windows, closed days and cap.</summary>
    public SendPolicySettings PolicySettings()
    {
        var defaults = SendPolicySettings.Default(DefaultZone());
        var windows = defaults.Windows.ToDictionary();
        foreach (var channel in Enum.GetValues<ContactChannel>())
        {
            if (Windows.TryGetValue(channel, out var text))
            {
                windows[channel] = ParseWindow(text);
            }
        }

        return new SendPolicySettings(windows, new FrequencyCap(FrequencyCap, FrequencyWindow), defaults.DefaultZone);
    }

    /// <summary>Fills what configuration left empty.</summary>
    public void ApplyDefaults()
    {
        if (Offers.Count == 0)
        {
            Offers.Add(new OfferSettings
            {
                Id = "spark-monthly",
                Name = "MonaSpark Pro",
                Period = BillingPeriod.Monthly,
                Prices = new()
                {
                    ["EUR"] = 1_900, ["USD"] = 1_900, ["GBP"] = 1_700, ["CAD"] = 2_500, ["AUD"] = 2_900, ["CHF"] = 1_900, ["SEK"] = 21_900,
                    ["NOK"] = 21_900, ["DKK"] = 14_900, ["BRL"] = 9_900, ["MXN"] = 34_900, ["JPY"] = 2_900, ["KRW"] = 27_000, ["XOF"] = 12_500,
                },
            });
        }

        if (Campaigns.Count == 0)
        {
            Campaigns.Add(new CampaignSettings { Id = "first-contact", OfferId = "spark-monthly", Variants = ["intro", "momentum"] });
        }

        if (ChannelOrder.Count == 0)
        {
            ChannelOrder.AddRange([ContactChannel.Email, ContactChannel.Sms, ContactChannel.WebPush, ContactChannel.DirectMessage]);
        }
    }

    /// <summary>Reads <c>HH:mm-HH:mm [days]</c>; <c>24:00</c> closes at midnight (<c>00:00-24:00</c> is the whole day).</summary>
    /// <exception cref="FormatException">Not a window.</exception>
    public static LocalWindow ParseWindow(string text)
    {
        var parts = (text ?? string.Empty).Split(' ', 2, StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var hours = parts.Length > 0 ? parts[0].Split('-', StringSplitOptions.TrimEntries) : [];
        if (hours.Length != 2 || !TryParseTime(hours[0], out var opens) || !TryParseTime(hours[1], out var closes) || opens >= closes)
        {
            throw new FormatException($"A send window is 'HH:mm-HH:mm [days]' with the opening first, not '{text}'.");
        }

        return new LocalWindow(opens, closes, parts.Length == 2 ? ParseDays(parts[1]) : LocalWindow.EveryDay);
    }

    private static HashSet<DayOfWeek> ParseDays(string text)
    {
        var days = new HashSet<DayOfWeek>();
        foreach (var item in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var range = item.Split('-', StringSplitOptions.TrimEntries);
            if (range.Length > 2)
            {
                throw new FormatException($"'{item}' is not a day or a range of days (Mon-Fri).");
            }

            var first = Day(range[0]);
            var last = range.Length == 2 ? Day(range[1]) : first;
            for (var day = first; ; day = (DayOfWeek)(((int)day + 1) % 7))
            {
                days.Add(day);
                if (day == last)
                {
                    break;
                }
            }
        }

        return days.Count > 0 ? days : throw new FormatException($"No days in '{text}'.");
    }

    private static DayOfWeek Day(string text) =>
        Enum.GetValues<DayOfWeek>().FirstOrDefault(d => d.ToString().StartsWith(text, StringComparison.OrdinalIgnoreCase) && text.Length >= 3, (DayOfWeek)(-1)) is var day && day >= 0
            ? day
            : throw new FormatException($"'{text}' is not a day (Mon, Tue, …).");

    private static bool TryParseTime(string text, out TimeOnly time)
    {
        if (text == "24:00")
        {
            time = TimeOnly.MaxValue;
            return true;
        }

        return TimeOnly.TryParseExact(text, "HH:mm", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out time);
    }
}

/// <summary>A campaign: the offer it sells and the copy angles (variants) it splits artists between.</summary>
public sealed class CampaignSettings
{
    [Required]
    public string Id { get; set; } = string.Empty;

    [Required]
    public string OfferId { get; set; } = string.Empty;

    /// <summary>Copy variants (<c>intro</c>, <c>momentum</c>): an artist always gets the same one (a hash of their id).</summary>
    public List<string> Variants { get; set; } = [];
}

/// <summary>An offer and its prices per ISO 4217 currency, in minor units.</summary>
public sealed class OfferSettings
{
    [Required]
    public string Id { get; set; } = string.Empty;

    [Required]
    public string Name { get; set; } = string.Empty;

    public BillingPeriod Period { get; set; } = BillingPeriod.Monthly;

    public Dictionary<string, long> Prices { get; set; } = [];
}

/// <summary>A provider's limit: a sustained rate and a burst (see <see cref="ProviderRateLimits"/>).</summary>
public sealed class RateLimitSettings
{
    /// <summary>Sends per second, sustained.</summary>
    [Range(0.01, 100_000)]
    public double PerSecond { get; set; } = 10;

    /// <summary>Sends allowed at once after a quiet spell (the bucket's size; default: one tenth of a second's worth, at least 1).</summary>
    [Range(0, 100_000)]
    public int Burst { get; set; }
}
