using System.Net;
using System.Net.Sockets;
using MonaSpark.Adapters.Messaging.Push;

namespace MonaSpark.Adapters.Messaging.Tests;

public sealed class PushEndpointsTests
{
    [Theory]
    [InlineData("142.250.74.234", true)]
    [InlineData("2a00:1450:4007:80e::200a", true)]
    [InlineData("8.8.8.8", true)]
    [InlineData("100.63.255.255", true)]
    [InlineData("172.32.0.1", true)]
    [InlineData("0.0.0.0", false)]
    [InlineData("10.1.2.3", false)]
    [InlineData("127.0.0.1", false)]
    [InlineData("127.255.0.9", false)]
    [InlineData("169.254.169.254", false)]
    [InlineData("172.16.0.1", false)]
    [InlineData("172.31.255.255", false)]
    [InlineData("192.168.0.10", false)]
    [InlineData("100.64.0.1", false)]
    [InlineData("192.0.2.7", false)]
    [InlineData("198.18.0.1", false)]
    [InlineData("198.51.100.3", false)]
    [InlineData("203.0.113.9", false)]
    [InlineData("224.0.0.251", false)]
    [InlineData("255.255.255.255", false)]
    [InlineData("::", false)]
    [InlineData("::1", false)]
    [InlineData("fe80::1", false)]
    [InlineData("fec0::1", false)]
    [InlineData("fc00::1", false)]
    [InlineData("fd12:3456::1", false)]
    [InlineData("ff02::1", false)]
    [InlineData("2001:db8::1", false)]
    [InlineData("::ffff:10.0.0.1", false)]
    [InlineData("::ffff:8.8.8.8", true)]
    [InlineData("64:ff9b::a9fe:a9fe", false)]
    [InlineData("64:ff9b::808:808", true)]
    [InlineData("2002:c0a8:0101::1", false)]
    [InlineData("2002:0808:0808::1", true)]
    [InlineData("::7f00:1", false)]
    public void IsPublic_OnlyAddressesOnThePublicInternet(string address, bool expected) =>
        PushEndpoints.IsPublic(IPAddress.Parse(address)).ShouldBe(expected);

    [Theory]
    [InlineData("https://fcm.googleapis.com/fcm/send/abc")]
    [InlineData("https://updates.push.services.mozilla.com/wpush/v2/gAAAA")]
    [InlineData("https://web.push.apple.com/QGuQyavXutnMH")]
    [InlineData("https://db5p.notify.windows.com/w/?token=BQYAAAD")]
    [InlineData("https://FCM.GoogleAPIs.com./fcm/send/abc")]
    [InlineData("https://142.250.74.234/fcm/send/abc")]
    public void Refusal_KnownPushServices_None(string endpoint) => PushEndpoints.Refusal(new Uri(endpoint)).ShouldBeNull();

    [Fact(Timeout = 10_000)]
    public async Task ConnectToPublicAddress_LoopbackHost_NeverConnects()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        using var handler = new SocketsHttpHandler { ConnectCallback = PushEndpoints.ConnectToPublicAddressAsync };
        using var client = new HttpClient(handler);

        var byAddress = await Should.ThrowAsync<HttpRequestException>(() => client.GetAsync(new Uri($"http://127.0.0.1:{port}/")));
        var byName = await Should.ThrowAsync<HttpRequestException>(() => client.GetAsync(new Uri($"http://localhost:{port}/")));

        byAddress.HttpRequestError.ShouldBe(HttpRequestError.ConnectionError);
        byName.HttpRequestError.ShouldBe(HttpRequestError.ConnectionError);
        listener.Pending().ShouldBeFalse();
    }
}
