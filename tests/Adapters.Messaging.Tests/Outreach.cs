using MonaSpark.Domain.Artists;
using MonaSpark.Domain.Outreach;
using MonaSpark.TestKit;

namespace MonaSpark.Adapters.Messaging.Tests;

/// <summary>Messages as the outreach saga hands them to a channel.</summary>
internal static class Outreach
{
    public const string Body = "Bonjour Luna,\n\nVotre audience a progressé de +38 % en 28 jours : https://monaspark.example/l/tok123\n\nRépondez STOP pour ne plus recevoir de messages.";

    public static Message Email(string key = "journey-1:send-1", string to = "booking@luna.example") =>
        new("journey-1:draft-1", key, new ArtistId("art-1"), "cmp-1", "var-a", ContactChannel.Email, to, "Gardez cet élan", Body, "fr", MessageStatus.Scheduled, Samples.Epoch)
        {
            UnsubscribeUrl = new Uri("https://monaspark.example/u/tok123"),
        };

    public static Message Sms(string to = "+33612345678", string key = "journey-1:send-2", string body = "Luna, +38 % en 28 jours. STOP au 36180") =>
        new("journey-1:draft-2", key, new ArtistId("art-1"), "cmp-1", "var-a", ContactChannel.Sms, to, string.Empty, body, "fr", MessageStatus.Scheduled, Samples.Epoch);

    public static Message Push(string subscription, string key = "journey-1:send-3", string body = Body) =>
        new("journey-1:draft-3", key, new ArtistId("art-1"), "cmp-1", "var-a", ContactChannel.WebPush, subscription, "Votre audience grandit", body, "fr", MessageStatus.Scheduled, Samples.Epoch)
        {
            UnsubscribeUrl = new Uri("https://monaspark.example/u/tok123"),
        };

    public static Message DirectMessage(string to = "instagram:@luna.music", string key = "journey-1:send-4") =>
        new("journey-1:draft-4", key, new ArtistId("art-1"), "cmp-1", "var-a", ContactChannel.DirectMessage, to, string.Empty, "Salut Luna ! Ton audience a pris +38 % en 28 jours.", "fr", MessageStatus.Scheduled, Samples.Epoch);
}
