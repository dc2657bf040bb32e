using MonaSpark.Application.Outreach;
using MonaSpark.Domain.Artists;
using MonaSpark.Domain.Commerce;
using MonaSpark.Domain.Outreach.Policies;

namespace MonaSpark.Application.Tests.Outreach;

public class OutreachOptionsTests
{
    private static readonly DayOfWeek[] MondayToSaturday =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday];

    [Fact]
    public void ParseWindow_HoursAndADayRange_ThoseHoursOnThoseDays()
    {
        var window = OutreachOptions.ParseWindow("09:00-20:00 Mon-Sat");

        window.Start.ShouldBe(new TimeOnly(9, 0));
        window.End.ShouldBe(new TimeOnly(20, 0));
        window.Days.OrderBy(d => ((int)d + 6) % 7).ShouldBe(MondayToSaturday);
    }

    [Fact]
    public void ParseWindow_HoursOnly_EveryDay()
    {
        var window = OutreachOptions.ParseWindow("08:30-21:15");

        window.Start.ShouldBe(new TimeOnly(8, 30));
        window.End.ShouldBe(new TimeOnly(21, 15));
        window.Days.Count.ShouldBe(7);
    }

    [Fact]
    public void ParseWindow_MidnightToTwentyFour_TheWholeDay()
    {
        var window = OutreachOptions.ParseWindow("00:00-24:00");

        window.Start.ShouldBe(TimeOnly.MinValue);
        window.End.ShouldBe(TimeOnly.MaxValue);
        window.Days.Count.ShouldBe(7);
        window.Contains(new DateTime(2026, 11, 1, 23, 59, 59, DateTimeKind.Unspecified)).ShouldBeTrue();
        window.Contains(new DateTime(2026, 11, 1, 0, 0, 0, DateTimeKind.Unspecified)).ShouldBeTrue();
    }

    [Fact]
    public void ParseWindow_RangeAcrossTheWeekend_WrapsFromSaturdayToMonday()
    {
        var window = OutreachOptions.ParseWindow("10:00-16:00 Sat-Mon");

        window.Days.OrderBy(d => d).ShouldBe([DayOfWeek.Sunday, DayOfWeek.Monday, DayOfWeek.Saturday]);
    }

    [Fact]
    public void ParseWindow_ListOfDays_OnlyThoseDays()
    {
        var window = OutreachOptions.ParseWindow("09:00-18:00 Mon,Wed,Fri");

        window.Days.OrderBy(d => d).ShouldBe([DayOfWeek.Monday, DayOfWeek.Wednesday, DayOfWeek.Friday]);
    }

    [Fact]
    public void ParseWindow_ListOfRangesSpacedAndSpelledOut_TheirUnion()
    {
        var window = OutreachOptions.ParseWindow("  09:00-18:00  monday-tue, THURSDAY, Sat-Sun ");

        window.Days.OrderBy(d => d).ShouldBe([DayOfWeek.Sunday, DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Thursday, DayOfWeek.Saturday]);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("09:00")]
    [InlineData("9-5")]
    [InlineData("9:00-17:00")]
    [InlineData("09:00-17:00-18:00")]
    [InlineData("09:00 - 17:00")]
    [InlineData("20:00-09:00")]
    [InlineData("09:00-09:00")]
    [InlineData("25:00-26:00")]
    [InlineData("09:00-24:01")]
    [InlineData("24:00-24:00")]
    [InlineData("09:00-20:00 Xyz")]
    [InlineData("09:00-20:00 Mo")]
    [InlineData("09:00-20:00 Month")]
    [InlineData("09:00-20:00 Mon-")]
    [InlineData("09:00-20:00 Mon-Tue-Wed")]
    [InlineData("09:00-20:00 ,")]
    public void ParseWindow_NotAWindow_FormatException(string? text) =>
        Should.Throw<FormatException>(() => OutreachOptions.ParseWindow(text!));

    [Fact]
    public void PolicySettings_ConfiguredChannel_OverridesOnlyThatChannel()
    {
        var sut = new OutreachOptions
        {
            Windows = { [ContactChannel.Sms] = "10:00-12:00 Mon" },
            FrequencyCap = 3,
            FrequencyWindow = TimeSpan.FromDays(2),
            DefaultTimeZone = "America/New_York",
        };

        var settings = sut.PolicySettings();

        var defaults = SendPolicySettings.Default(TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris"));
        var sms = settings.WindowFor(ContactChannel.Sms);
        sms.Start.ShouldBe(new TimeOnly(10, 0));
        sms.End.ShouldBe(new TimeOnly(12, 0));
        sms.Days.ShouldBe([DayOfWeek.Monday]);
        foreach (var channel in new[] { ContactChannel.Email, ContactChannel.WebPush, ContactChannel.DirectMessage })
        {
            settings.WindowFor(channel).ShouldBe(defaults.WindowFor(channel), channel.ToString());
        }

        settings.Windows.Count.ShouldBe(4);
        settings.FrequencyCap.ShouldBe(new FrequencyCap(3, TimeSpan.FromDays(2)));
        settings.DefaultZone.Id.ShouldBe("America/New_York");
    }

    [Fact]
    public void PolicySettings_NothingConfigured_TheDefaults()
    {
        var settings = new OutreachOptions().PolicySettings();

        var defaults = SendPolicySettings.Default(TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris"));
        foreach (var channel in Enum.GetValues<ContactChannel>())
        {
            settings.WindowFor(channel).ShouldBe(defaults.WindowFor(channel), channel.ToString());
        }

        settings.FrequencyCap.ShouldBe(new FrequencyCap(2, TimeSpan.FromDays(7)));
        settings.DefaultZone.Id.ShouldBe("Europe/Paris");
    }

    [Fact]
    public void ApplyDefaults_Empty_OfferCampaignAndChannelOrder()
    {
        var sut = new OutreachOptions();

        sut.ApplyDefaults();

        var offer = sut.Offer("spark-monthly");
        offer.Name.ShouldBe("MonaSpark Pro");
        offer.Period.ShouldBe(BillingPeriod.Monthly);
        offer.Prices[new CurrencyCode("EUR")].ShouldBe(1_900);
        offer.Prices[new CurrencyCode("GBP")].ShouldBe(1_700);
        offer.Prices[new CurrencyCode("JPY")].ShouldBe(2_900);
        offer.Prices.Count.ShouldBe(14);
        offer.Prices.Keys.ShouldAllBe(c => CurrencyCode.IsSupported(c.Value));
        var campaign = sut.Campaign("first-contact");
        campaign.OfferId.ShouldBe("spark-monthly");
        campaign.Variants.ShouldBe(["intro", "momentum"]);
        sut.ChannelOrder.ShouldBe([ContactChannel.Email, ContactChannel.Sms, ContactChannel.WebPush, ContactChannel.DirectMessage]);
    }

    [Fact]
    public void ApplyDefaults_Configured_KeepsWhatWasConfiguredAndIsIdempotent()
    {
        var sut = new OutreachOptions
        {
            Offers = [new OfferSettings { Id = "mini", Name = "Mini", Prices = { ["EUR"] = 500 } }],
            Campaigns = [new CampaignSettings { Id = "c1", OfferId = "mini", Variants = ["a"] }],
            ChannelOrder = [ContactChannel.Sms],
        };

        sut.ApplyDefaults();
        sut.ApplyDefaults();

        sut.Offers.Select(o => o.Id).ShouldBe(["mini"]);
        sut.Campaigns.Select(c => c.Id).ShouldBe(["c1"]);
        sut.ChannelOrder.ShouldBe([ContactChannel.Sms]);
    }

    [Fact]
    public void ApplyDefaults_Twice_AddsTheDefaultsOnce()
    {
        var sut = new OutreachOptions();

        sut.ApplyDefaults();
        sut.ApplyDefaults();

        sut.Offers.Count.ShouldBe(1);
        sut.Campaigns.Count.ShouldBe(1);
        sut.ChannelOrder.Count.ShouldBe(4);
    }

    [Fact]
    public void CampaignAndOffer_Unknown_ArgumentException()
    {
        var sut = new OutreachOptions();
        sut.ApplyDefaults();

        Should.Throw<ArgumentException>(() => sut.Campaign("nope")).ParamName.ShouldBe("id");
        Should.Throw<ArgumentException>(() => sut.Offer("nope")).ParamName.ShouldBe("id");
    }

    [Fact]
    public void SenderFor_Configured_ThatSender()
    {
        var sut = new OutreachOptions { Senders = { [ContactChannel.Email] = "hello@mail.monaspark.example" } };

        sut.SenderFor(ContactChannel.Email).ShouldBe("hello@mail.monaspark.example");
    }

    [Theory]
    [InlineData(ContactChannel.Email, "email:primary")]
    [InlineData(ContactChannel.Sms, "sms:primary")]
    [InlineData(ContactChannel.WebPush, "webpush:primary")]
    [InlineData(ContactChannel.DirectMessage, "directmessage:primary")]
    public void SenderFor_NotConfiguredOrBlank_TheChannelsPrimary(ContactChannel channel, string sender)
    {
        new OutreachOptions().SenderFor(channel).ShouldBe(sender);
        new OutreachOptions { Senders = { [channel] = "  " } }.SenderFor(channel).ShouldBe(sender);
    }
}
