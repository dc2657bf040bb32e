using System.Buffers.Text;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MonaSpark.Adapters.Messaging.Push;
using MonaSpark.Application.Ports;

namespace MonaSpark.Adapters.Messaging.Tests;

public sealed class WebPushChannelTests : IDisposable
{
    private readonly RecordingHandler _http = new();
    private readonly PushKeys _browser = new();
    private readonly ECDsa _vapid = ECDsa.Create(ECCurve.NamedCurves.nistP256);

    public void Dispose()
    {
        _http.Dispose();
        _browser.Dispose();
        _vapid.Dispose();
    }

    private string VapidPublicKey => Base64Url.EncodeToString(PushKeys.Point(_vapid.ExportParameters(false).Q));

    private WebPushChannel Sut() => new(_http, Options.Create(new WebPushOptions
    {
        PublicKey = VapidPublicKey,
        PrivateKey = Base64Url.EncodeToString(_vapid.ExportParameters(true).D),
        Subject = "mailto:artists@monaspark.example",
    }), NullLogger<WebPushChannel>.Instance);

    [Fact]
    public async Task SendAsync_201_PostsAVapidSignedAes128gcmPushTheBrowserCanDecrypt()
    {
        _http.Answer(HttpStatusCode.Created, headers: ("Location", "https://fcm.googleapis.com/fcm/send/dX9kVx2:APA91bH/msg-1"));
        var message = Outreach.Push(_browser.Subscription());

        var result = await Sut().SendAsync(message);

        var topic = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(message.IdempotencyKey)).AsSpan(0, 16));
        result.ShouldBe(new SendResult(true, "push:" + topic, null));
        var sent = _http.Single;
        sent.Request.Method.ShouldBe(HttpMethod.Post);
        sent.Request.RequestUri.ShouldBe(new Uri("https://fcm.googleapis.com/fcm/send/dX9kVx2:APA91bH"));
        sent.Header("Content-Encoding").ShouldBe("aes128gcm");
        sent.Header("TTL").ShouldBe("172800");
        sent.Header("Topic").ShouldBe(topic);
        sent.Header("Urgency").ShouldBeNull();
        _http.Names.ShouldBe([WebPushChannel.HttpClientName]);

        var (salt, recordSize, keyId, plaintext) = _browser.Decrypt(sent.Body);
        salt.Length.ShouldBe(16);
        recordSize.ShouldBe(4096u);
        keyId.Length.ShouldBe(65);
        keyId[0].ShouldBe((byte)0x04);
        // The body is all in the Basic Multilingual Plane: its first 120 characters are its first 120 UTF-16 units.
        Outreach.Body.Length.ShouldBeGreaterThan(120);
        Json.Canonical(plaintext).ShouldBe(Json.Canonical(new JsonObject
        {
            ["title"] = "Votre audience grandit",
            ["body"] = Outreach.Body[..120],
            ["url"] = "https://monaspark.example/l/tok123",
        }.ToJsonString()));
    }

    [Fact]
    public async Task SendAsync_Authorization_IsAVapidJwtForThePushServiceOrigin_SignedWithOurKey()
    {
        _http.Answer(HttpStatusCode.Created);

        await Sut().SendAsync(Outreach.Push(_browser.Subscription()));

        var authorization = _http.Single.Request.Headers.Authorization!;
        authorization.Scheme.ShouldBe("vapid");
        var parameters = authorization.Parameter!.Split(", ").Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);
        parameters.Keys.ShouldBe(["t", "k"]);
        parameters["k"].ShouldBe(VapidPublicKey);
        var jwt = parameters["t"].Split('.');
        jwt.Length.ShouldBe(3);
        JsonNode.Parse(Base64Url.DecodeFromChars(jwt[0]))!["alg"]!.GetValue<string>().ShouldBe("ES256");
        var claims = JsonNode.Parse(Base64Url.DecodeFromChars(jwt[1]))!;
        claims["aud"]!.GetValue<string>().ShouldBe("https://fcm.googleapis.com");
        claims["sub"]!.GetValue<string>().ShouldBe("mailto:artists@monaspark.example");
        claims["exp"]!.GetValue<long>().ShouldBeGreaterThan(0);
        _vapid.VerifyData(Encoding.ASCII.GetBytes($"{jwt[0]}.{jwt[1]}"), Base64Url.DecodeFromChars(jwt[2]), HashAlgorithmName.SHA256).ShouldBeTrue();
    }

    [Theory]
    [InlineData(HttpStatusCode.NotFound)]
    [InlineData(HttpStatusCode.Gone)]
    public async Task SendAsync_SubscriptionGone_RefusedAsExpired(HttpStatusCode status)
    {
        _http.Answer(status, "push subscription has unsubscribed or expired.", "text/plain");

        var result = await Sut().SendAsync(Outreach.Push(_browser.Subscription()));

        result.ShouldBe(new SendResult(false, null, "subscription expired"));
    }

    [Theory]
    [InlineData(HttpStatusCode.TooManyRequests)]
    [InlineData(HttpStatusCode.InternalServerError)]
    [InlineData(HttpStatusCode.ServiceUnavailable)]
    [InlineData(HttpStatusCode.Unauthorized)]
    public async Task SendAsync_TransientOrAuthFailure_ThrowsOnce_WithoutTheLibrarysRetries(HttpStatusCode status)
    {
        _http.Answer(status, headers: ("Retry-After", "1"));

        var thrown = await Should.ThrowAsync<HttpRequestException>(() => Sut().SendAsync(Outreach.Push(_browser.Subscription())));

        thrown.StatusCode.ShouldBe(status);
        thrown.InnerException.ShouldBeNull();
        thrown.Message.ShouldNotContain("dX9kVx2");
        _http.Requests.Count.ShouldBe(1);
    }

    [Theory]
    [InlineData(HttpStatusCode.BadRequest)]
    [InlineData(HttpStatusCode.Forbidden)]
    [InlineData(HttpStatusCode.RequestEntityTooLarge)]
    public async Task SendAsync_OtherRefusal_RefusedWithTheStatus(HttpStatusCode status)
    {
        _http.Answer(status);

        var result = await Sut().SendAsync(Outreach.Push(_browser.Subscription()));

        result.ShouldBe(new SendResult(false, null, $"the push service refused the message (HTTP {(int)status})"));
    }

    [Theory]
    [InlineData("http://fcm.googleapis.com/fcm/send/x", "the push endpoint is not https")]
    [InlineData("https://127.0.0.1/x", "the push endpoint is a private, loopback or reserved address")]
    [InlineData("https://10.0.0.5/x", "the push endpoint is a private, loopback or reserved address")]
    [InlineData("https://169.254.169.254/latest/meta-data", "the push endpoint is a private, loopback or reserved address")]
    [InlineData("https://[::1]/x", "the push endpoint is a private, loopback or reserved address")]
    [InlineData("https://[fd00::1]/x", "the push endpoint is a private, loopback or reserved address")]
    [InlineData("https://[::ffff:192.168.1.1]/x", "the push endpoint is a private, loopback or reserved address")]
    [InlineData("https://2130706433/x", "the push endpoint is a private, loopback or reserved address")]
    [InlineData("https://0x7f.1/x", "the push endpoint is a private, loopback or reserved address")]
    [InlineData("https://localhost/x", "the push endpoint is not a public host name")]
    [InlineData("https://push.localhost/x", "the push endpoint is not a public host name")]
    [InlineData("https://metadata.google.internal/x", "the push endpoint is not a public host name")]
    [InlineData("https://pushserver/x", "the push endpoint is not a public host name")]
    [InlineData("https://fcm.googleapis.com:8443/x", "the push endpoint is not on port 443")]
    [InlineData("https://user:secret@fcm.googleapis.com/x", "the push endpoint carries credentials")]
    public async Task SendAsync_EndpointWeMustNotPostTo_RefusedWithoutARequest(string endpoint, string reason)
    {
        var result = await Sut().SendAsync(Outreach.Push(_browser.Subscription(endpoint)));

        result.ShouldBe(new SendResult(false, null, reason));
        _http.Requests.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("{}")]
    [InlineData("""{"endpoint":"https://fcm.googleapis.com/x"}""")]
    [InlineData("""{"endpoint":"https://fcm.googleapis.com/x","keys":{"p256dh":"AAAA","auth":"AAAAAAAAAAAAAAAAAAAAAA"}}""")]
    [InlineData("""{"endpoint":42,"keys":{}}""")]
    [InlineData("[]")]
    public async Task SendAsync_RecipientNotASubscription_RefusedWithoutARequest(string recipient)
    {
        var result = await Sut().SendAsync(Outreach.Push(recipient));

        result.ShouldBe(new SendResult(false, null, "the recipient is not a push subscription (endpoint, p256dh and auth keys)"));
        _http.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task SendAsync_AuthSecretOfWrongLength_Refused()
    {
        var subscription = _browser.Subscription().Replace(Base64Url.EncodeToString(_browser.AuthSecret), "AAAA", StringComparison.Ordinal);

        (await Sut().SendAsync(Outreach.Push(subscription))).Accepted.ShouldBeFalse();
        _http.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task SendAsync_NoKeysConfigured_ThrowsNamingTheSettings()
    {
        var sut = new WebPushChannel(_http, Options.Create(new WebPushOptions()), NullLogger<WebPushChannel>.Instance);

        var thrown = await Should.ThrowAsync<InvalidOperationException>(() => sut.SendAsync(Outreach.Push(_browser.Subscription())));

        thrown.Message.ShouldBe("MonaSpark:WebPush:PublicKey and PrivateKey are not set.");
    }

    [Fact]
    public async Task SendAsync_NotAPush_Throws() =>
        await Should.ThrowAsync<ArgumentException>(() => Sut().SendAsync(Outreach.Email()));
}
