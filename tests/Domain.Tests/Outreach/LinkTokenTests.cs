using System.Buffers.Binary;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using MonaSpark.Domain.Artists;
using MonaSpark.Domain.Outreach.Links;
using MonaSpark.TestKit;

namespace MonaSpark.Domain.Tests.Outreach;

/// <summary>Signed link tokens: round trips, their shape, expiry, tampering, keys and rotation, and garbage that must not throw.</summary>
public class LinkTokenTests
{
    private static readonly byte[] Key = [.. Enumerable.Range(1, 32).Select(i => (byte)i)];
    private static readonly byte[] OtherKey = [.. Enumerable.Range(101, 32).Select(i => (byte)i)];
    private static readonly ArtistId RealId = new("art-0123456789abcdef0123");
    private static readonly ArtistId SimulatedId = ArtistId.Simulated("00042");
    private static readonly DateTimeOffset Now = Samples.Epoch;
    private static readonly DateTimeOffset Expiry = Samples.Epoch.AddDays(30);

    [Fact]
    public void Mint_RealId_ReadsBackValidInTheCompactForm()
    {
        var token = LinkToken.Mint(RealId, Expiry, Key);

        LinkToken.Read(token, Now, Key).ShouldBe(new LinkTokenReading(LinkTokenStatus.Valid, RealId, Expiry));

        // Format byte 1, the expiry, the id's 10 bytes and a 16-byte tag: 31 bytes, 42 characters.
        var bytes = Base64Url.DecodeFromChars(token);
        bytes[0].ShouldBe((byte)1);
        bytes.Length.ShouldBe(1 + 4 + 10 + 16);
        token.Length.ShouldBe(42);
    }

    [Fact]
    public void Mint_SimulatedId_ReadsBackValidInTheTextForm()
    {
        var token = LinkToken.Mint(SimulatedId, Expiry, Key);

        LinkToken.Read(token, Now, Key).ShouldBe(new LinkTokenReading(LinkTokenStatus.Valid, SimulatedId, Expiry));

        var bytes = Base64Url.DecodeFromChars(token);
        bytes[0].ShouldBe((byte)2);
        Encoding.ASCII.GetString(bytes, 5, bytes.Length - 5 - 16).ShouldBe("art-sim00042");
    }

    [Fact]
    public void Mint_UpperCaseHexId_KeepsItsCaseInTheTextForm()
    {
        // Only lower-case hex is compacted: compaction must never change the id.
        var id = new ArtistId("art-0123456789ABCDEF0123");

        var token = LinkToken.Mint(id, Expiry, Key);

        Base64Url.DecodeFromChars(token)[0].ShouldBe((byte)2);
        LinkToken.Read(token, Now, Key).ArtistId.ShouldBe(id);
    }

    [Fact]
    public void Mint_SameInputs_SameToken()
    {
        LinkToken.Mint(RealId, Expiry, Key).ShouldBe(LinkToken.Mint(RealId, Expiry, Key));
        LinkToken.Mint(SimulatedId, Expiry, Key).ShouldBe(LinkToken.Mint(SimulatedId, Expiry, Key));
    }

    [Fact]
    public void Mint_DifferentArtistExpiryOrKey_DifferentToken()
    {
        var token = LinkToken.Mint(RealId, Expiry, Key);

        LinkToken.Mint(new ArtistId("art-0123456789abcdef0124"), Expiry, Key).ShouldNotBe(token);
        LinkToken.Mint(RealId, Expiry.AddSeconds(1), Key).ShouldNotBe(token);
        LinkToken.Mint(RealId, Expiry, OtherKey).ShouldNotBe(token);
    }

    [Theory]
    [InlineData("art-0123456789abcdef0123")]
    [InlineData("art-sim1")]
    [InlineData("a")]
    [InlineData("art-with-dashes-and-CAPS-27")]
    public void Mint_AnyFittingId_AtMost64UrlSafeCharacters(string id)
    {
        var token = LinkToken.Mint(new ArtistId(id), Expiry, Key);

        token.Length.ShouldBeLessThanOrEqualTo(64);
        token.ShouldAllBe(c => char.IsAsciiLetterOrDigit(c) || c == '-' || c == '_');
        LinkToken.Read(token, Now, Key).ArtistId.Value.ShouldBe(id);
    }

    [Fact]
    public void Mint_LongestTextId_Fits64Characters()
    {
        // 1 + 4 + 27 + 16 = 48 bytes = 64 base64url characters.
        var id = new ArtistId(new string('x', 27));

        var token = LinkToken.Mint(id, Expiry, Key);

        token.Length.ShouldBe(64);
        LinkToken.Read(token, Now, Key).ShouldBe(new LinkTokenReading(LinkTokenStatus.Valid, id, Expiry));
    }

    [Theory]
    [InlineData(28)]
    [InlineData(64)]
    public void Mint_IdTooLongForTheToken_Throws(int length) =>
        Should.Throw<ArgumentException>(() => LinkToken.Mint(new ArtistId(new string('x', length)), Expiry, Key)).ParamName.ShouldBe("artistId");

    [Theory]
    [InlineData(0)]
    [InlineData(16)]
    [InlineData(31)]
    public void Mint_KeyShorterThan32Bytes_Throws(int length) =>
        Should.Throw<ArgumentException>(() => LinkToken.Mint(RealId, Expiry, new byte[length])).ParamName.ShouldBe("key");

    [Fact]
    public void Mint_ExpiryOutsideTheRange_Throws()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => LinkToken.Mint(RealId, new DateTimeOffset(1969, 12, 31, 23, 59, 59, TimeSpan.Zero), Key));
        Should.Throw<ArgumentOutOfRangeException>(() => LinkToken.Mint(RealId, new DateTimeOffset(2106, 2, 8, 0, 0, 0, TimeSpan.Zero), Key));
    }

    [Fact]
    public void Read_AtOrAfterTheExpiry_ExpiredButAuthentic()
    {
        var token = LinkToken.Mint(RealId, Expiry, Key);

        LinkToken.Read(token, Expiry.AddSeconds(-1), Key).Status.ShouldBe(LinkTokenStatus.Valid);
        var atExpiry = LinkToken.Read(token, Expiry, Key);
        atExpiry.ShouldBe(new LinkTokenReading(LinkTokenStatus.Expired, RealId, Expiry));
        atExpiry.Authentic.ShouldBeTrue();
        var yearsLater = LinkToken.Read(token, Expiry.AddYears(3), Key);
        yearsLater.Status.ShouldBe(LinkTokenStatus.Expired);
        yearsLater.ArtistId.ShouldBe(RealId);
        yearsLater.Authentic.ShouldBeTrue();
    }

    [Fact]
    public void Read_AnyByteChanged_Invalid()
    {
        var bytes = Base64Url.DecodeFromChars(LinkToken.Mint(RealId, Expiry, Key));
        for (var i = 0; i < bytes.Length; i++)
        {
            var tampered = bytes.ToArray();
            tampered[i] ^= 0x01;

            var reading = LinkToken.Read(Base64Url.EncodeToString(tampered), Now, Key);

            reading.ShouldBe(LinkTokenReading.Invalid, $"byte {i}");
            reading.Authentic.ShouldBeFalse();
        }
    }

    [Theory]
    [InlineData("art-0123456789abcdef0123")]    // 31 bytes: the last character carries 2 bits and 4 spare ones
    [InlineData("art-sim00042")]                // 33 bytes: no spare bits
    public void Read_AnyCharacterChanged_Invalid(string id)
    {
        var token = LinkToken.Mint(new ArtistId(id), Expiry, Key);
        for (var i = 0; i < token.Length; i++)
        {
            var replacement = token[i] == 'A' ? 'B' : 'A';
            var tampered = string.Concat(token.AsSpan(0, i), [replacement], token.AsSpan(i + 1));

            LinkToken.Read(tampered, Now, Key).ShouldBe(LinkTokenReading.Invalid, $"character {i}");
        }
    }

    [Fact]
    public void Read_SpareBitsOfTheLastCharacterSet_Invalid()
    {
        // 31 bytes end in a 2-character group whose second character has 4 bits that carry nothing:
        // a token with them set decodes to the same bytes, so it must be refused as non-canonical.
        const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        var token = LinkToken.Mint(RealId, Expiry, Key);
        var last = Alphabet.IndexOf(token[^1], StringComparison.Ordinal);
        last.ShouldBe(last & 0b110000);
        for (var spare = 1; spare < 16; spare++)
        {
            var variant = token[..^1] + Alphabet[last | spare];

            LinkToken.Read(variant, Now, Key).ShouldBe(LinkTokenReading.Invalid, $"spare bits {spare}");
        }
    }

    [Fact]
    public void Read_ExtendedExpiryWithTheOriginalTag_Invalid()
    {
        var bytes = Base64Url.DecodeFromChars(LinkToken.Mint(RealId, Expiry, Key));
        BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(1, 4), (uint)Expiry.AddYears(10).ToUnixTimeSeconds());

        LinkToken.Read(Base64Url.EncodeToString(bytes), Now, Key).ShouldBe(LinkTokenReading.Invalid);
    }

    [Fact]
    public void Read_TruncatedOrExtended_Invalid()
    {
        var token = LinkToken.Mint(RealId, Expiry, Key);

        LinkToken.Read(token[..^1], Now, Key).ShouldBe(LinkTokenReading.Invalid);
        LinkToken.Read(token[..^4], Now, Key).ShouldBe(LinkTokenReading.Invalid);
        LinkToken.Read(token + "AAAA", Now, Key).ShouldBe(LinkTokenReading.Invalid);
    }

    [Fact]
    public void Read_WrongKey_Invalid() =>
        LinkToken.Read(LinkToken.Mint(RealId, Expiry, Key), Now, OtherKey).ShouldBe(LinkTokenReading.Invalid);

    [Fact]
    public void Read_NoKeyOrOnlyShortKeys_Invalid()
    {
        var token = LinkToken.Mint(RealId, Expiry, Key);

        LinkToken.Read(token, Now).ShouldBe(LinkTokenReading.Invalid);
        LinkToken.Read(token, Now, Key[..31], []).ShouldBe(LinkTokenReading.Invalid);
    }

    [Fact]
    public void Read_SignedWithThePreviousKey_ValidAfterRotation()
    {
        var before = LinkToken.Mint(RealId, Expiry, Key);
        var after = LinkToken.Mint(RealId, Expiry, OtherKey);

        // Current key first, previous second: both generations read.
        LinkToken.Read(before, Now, OtherKey, Key).ShouldBe(new LinkTokenReading(LinkTokenStatus.Valid, RealId, Expiry));
        LinkToken.Read(after, Now, OtherKey, Key).ShouldBe(new LinkTokenReading(LinkTokenStatus.Valid, RealId, Expiry));

        // Once the previous key is dropped, its links stop working.
        LinkToken.Read(before, Now, OtherKey).ShouldBe(LinkTokenReading.Invalid);
    }

    public static TheoryData<string?> Garbage => new()
    {
        null,
        string.Empty,
        new string('A', 65),
        "!!!",
        "A",
        "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA==",
        "AAAA AAAA",
        "AAAA+AAA/AAA",
        "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\n",
        "ÀÀÀÀ",
        Base64Url.EncodeToString(new byte[16]),
        Base64Url.EncodeToString(new byte[21]),
        Base64Url.EncodeToString(new byte[22]),
        Base64Url.EncodeToString([.. Enumerable.Range(0, 48).Select(i => (byte)i)]),
    };

    [Theory]
    [MemberData(nameof(Garbage))]
    public void Read_Garbage_InvalidWithoutThrowing(string? token)
    {
        var reading = LinkToken.Read(token, Now, Key);

        reading.ShouldBe(LinkTokenReading.Invalid);
        reading.Authentic.ShouldBeFalse();
    }

    [Theory]
    [InlineData(9, "art-1")]                 // an unknown format
    [InlineData(1, "0123456789abcdef")]      // the compact format with 8 bytes, not 10
    [InlineData(2, "art 1")]                 // a text id with a space
    [InlineData(2, "art-\u00e9")]            // a text id that is not ASCII
    public void Read_SignedBodyThatIsNotAnId_InvalidWithoutThrowing(byte format, string id)
    {
        // Signed with our own key, so only the body's shape can reject it.
        var idBytes = format == 1 ? Convert.FromHexString(id) : Encoding.UTF8.GetBytes(id);
        var body = new byte[5 + idBytes.Length];
        body[0] = format;
        BinaryPrimitives.WriteUInt32BigEndian(body.AsSpan(1, 4), (uint)Expiry.ToUnixTimeSeconds());
        idBytes.CopyTo(body, 5);
        var token = Base64Url.EncodeToString([.. body, .. HMACSHA256.HashData(Key, body).AsSpan(0, 16)]);

        LinkToken.Read(token, Now, Key).ShouldBe(LinkTokenReading.Invalid);
    }
}
