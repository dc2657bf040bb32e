using MonaSpark.Domain.Artists;

namespace MonaSpark.Domain.Outreach.Policies;

/// <summary>
/// The send rules that are configuration: windows per channel in the recipient's local time, the
/// shared frequency cap, and the zone assumed when the recipient's is unknown.
/// </summary>
public sealed record SendPolicySettings(IReadOnlyDictionary<ContactChannel, LocalWindow> Windows, FrequencyCap FrequencyCap, TimeZoneInfo DefaultZone)
{
    /// <summary>
    /// E-mail 08:00–21:00 every day; SMS 09:00–20:00 and never on Sundays; DM and push 09:00–21:00;
    /// at most 2 messages in 7 days across channels; Paris when the zone is unknown (the home market).
    /// </summary>
    public static SendPolicySettings Default(TimeZoneInfo defaultZone) => new(
        new Dictionary<ContactChannel, LocalWindow>
        {
            [ContactChannel.Email] = new(new TimeOnly(8, 0), new TimeOnly(21, 0), LocalWindow.EveryDay),
            [ContactChannel.Sms] = new(new TimeOnly(9, 0), new TimeOnly(20, 0), LocalWindow.MondayToSaturday),
            [ContactChannel.DirectMessage] = new(new TimeOnly(9, 0), new TimeOnly(21, 0), LocalWindow.EveryDay),
            [ContactChannel.WebPush] = new(new TimeOnly(9, 0), new TimeOnly(21, 0), LocalWindow.EveryDay),
        },
        new FrequencyCap(2, TimeSpan.FromDays(7)),
        defaultZone);

    public LocalWindow WindowFor(ContactChannel channel) =>
        Windows.TryGetValue(channel, out var window) ? window : throw new InvalidOperationException($"No send window is configured for {channel}.");
}
