using MonaSpark.Domain.Outreach.Copy;

namespace MonaSpark.Domain.Tests.Outreach;

public class CopyLinksTests
{
    [Fact]
    public void For_Token_GivesTheLandingAndUnsubscribeRoutes()
    {
        var sut = CopyLinks.For(new Uri("https://monaspark.example/"), "abc-1_Z");

        sut.Landing.AbsoluteUri.ShouldBe("https://monaspark.example/l/abc-1_Z");
        sut.Unsubscribe.AbsoluteUri.ShouldBe("https://monaspark.example/u/abc-1_Z");
    }

    [Theory]
    [InlineData("")]
    [InlineData("a/b")]
    [InlineData("a b")]
    [InlineData("é")]
    [InlineData("x?y=1")]
    public void For_BadToken_Throws(string token) =>
        Should.Throw<ArgumentException>(() => CopyLinks.For(new Uri("https://monaspark.example"), token));

    [Theory]
    [InlineData("http://monaspark.example")]
    [InlineData("https://user@monaspark.example")]
    [InlineData("https://monaspark.example/?q=1")]
    [InlineData("ftp://monaspark.example")]
    public void For_BadBase_Throws(string publicBase) =>
        Should.Throw<ArgumentException>(() => CopyLinks.For(new Uri(publicBase), "t"));

    [Fact]
    public void IsPublicBase_AllowsHttpOnLoopback() => CopyLinks.IsPublicBase(new Uri("http://127.0.0.1:5080")).ShouldBeTrue();
}
