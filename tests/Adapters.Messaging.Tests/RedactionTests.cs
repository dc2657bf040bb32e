namespace MonaSpark.Adapters.Messaging.Tests;

public sealed class RedactionTests
{
    [Theory]
    [InlineData("The 'To' number +33612345678 is not a valid phone number.", "The 'To' number [number] is not a valid phone number.")]
    [InlineData("550 5.1.1 <booking@luna.example>: Recipient address rejected", "550 5.1.1 <[address]>: Recipient address rejected")]
    [InlineData("call 06 12 34 56 78 or +1 (415) 867-5309", "call [number] or [number]")]
    [InlineData("Twilio 21610 (HTTP 400), error 30003", "Twilio 21610 (HTTP 400), error 30003")]
    [InlineData("", "")]
    public void Scrub_AddressesAndNumbers_Replaced_CodesKept(string text, string expected) => Redaction.Scrub(text).ShouldBe(expected);

    [Fact]
    public void Scrub_LongText_Cut() => Redaction.Scrub(new string('a', 1_000)).Length.ShouldBe(300);
}
