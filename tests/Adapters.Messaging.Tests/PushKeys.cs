using System.Buffers.Binary;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace MonaSpark.Adapters.Messaging.Tests;

/// <summary>
/// A browser's side of web push, for the tests: the subscription's P-256 key pair and auth secret
/// (what the browser keeps), its <c>PushSubscription</c> JSON, and the RFC 8291 decryption of an
/// <c>aes128gcm</c> body (RFC 8188) with them.
/// </summary>
internal sealed class PushKeys : IDisposable
{
    private readonly ECDiffieHellman _browser = ECDiffieHellman.Create(ECCurve.NamedCurves.nistP256);

    public byte[] AuthSecret { get; } = RandomNumberGenerator.GetBytes(16);

    public byte[] PublicPoint => Point(_browser.ExportParameters(includePrivateParameters: false).Q);

    public void Dispose() => _browser.Dispose();

    public string Subscription(string endpoint = "https://fcm.googleapis.com/fcm/send/dX9kVx2:APA91bH") =>
        $$$"""{"endpoint":"{{{endpoint}}}","expirationTime":null,"keys":{"p256dh":"{{{Base64Url.EncodeToString(PublicPoint)}}}","auth":"{{{Base64Url.EncodeToString(AuthSecret)}}}"}}""";

    /// <summary>The body's header (salt, record size, key id) and its plaintext, decrypted as the browser does.</summary>
    public (byte[] Salt, uint RecordSize, byte[] KeyId, string Plaintext) Decrypt(byte[] body)
    {
        var salt = body[..16];
        var recordSize = BinaryPrimitives.ReadUInt32BigEndian(body.AsSpan(16, 4));
        var idLength = body[20];
        var keyId = body[21..(21 + idLength)];
        var ciphertext = body[(21 + idLength)..];

        // RFC 8291 §3.3–3.4: the key id is the application server's ephemeral public key.
        using var server = ECDiffieHellman.Create(new ECParameters
        {
            Curve = ECCurve.NamedCurves.nistP256,
            Q = new ECPoint { X = keyId[1..33], Y = keyId[33..65] },
        });
        var ecdhSecret = _browser.DeriveRawSecretAgreement(server.PublicKey);
        var keyInfo = Concat(Encoding.ASCII.GetBytes("WebPush: info\0"), PublicPoint, keyId);
        var ikm = HKDF.DeriveKey(HashAlgorithmName.SHA256, ecdhSecret, 32, AuthSecret, keyInfo);
        var cek = HKDF.DeriveKey(HashAlgorithmName.SHA256, ikm, 16, salt, Encoding.ASCII.GetBytes("Content-Encoding: aes128gcm\0"));
        var nonce = HKDF.DeriveKey(HashAlgorithmName.SHA256, ikm, 12, salt, Encoding.ASCII.GetBytes("Content-Encoding: nonce\0"));

        // One record (the payload is small): ciphertext then the 16-byte tag.
        var plaintext = new byte[ciphertext.Length - 16];
        using var aes = new AesGcm(cek, 16);
        aes.Decrypt(nonce, ciphertext[..^16], ciphertext[^16..], plaintext);

        // RFC 8188 §2: the last record ends with the delimiter 0x02, then zero padding.
        var delimiter = Array.LastIndexOf(plaintext, (byte)0x02);
        plaintext.AsSpan(delimiter + 1).IndexOfAnyExcept((byte)0).ShouldBe(-1);
        return (salt, recordSize, keyId, Encoding.UTF8.GetString(plaintext, 0, delimiter));
    }

    public static byte[] Point(ECPoint q) => Concat([0x04], q.X!, q.Y!);

    private static byte[] Concat(params byte[][] parts) => [.. parts.SelectMany(p => p)];
}
