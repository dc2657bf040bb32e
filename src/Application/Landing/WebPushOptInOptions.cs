namespace MonaSpark.Application.Landing;

/// <summary>
/// What the onboarding form needs of web push: the VAPID public key the browser subscribes with
/// (<c>MonaSpark:WebPush:PublicKey</c>, the key the push channel signs for). Without it the form offers
/// no push.
/// </summary>
public sealed class WebPushOptInOptions
{
    public const string SectionName = "MonaSpark:WebPush";

    public string? PublicKey { get; set; }
}
