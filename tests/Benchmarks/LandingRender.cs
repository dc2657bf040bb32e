using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Text;
using MonaSpark.Application.Landing;
using MonaSpark.Domain.Commerce;
using MonaSpark.Domain.Onboarding;
using MonaSpark.Edge.Assets;
using MonaSpark.Edge.Landing;

namespace MonaSpark.Benchmarks;

/// <summary>
/// <c>landing</c> mode: the landing page rendered N times in process (content loaded first, as the
/// endpoint does), each render timed; prints p50, p99 and max per page, and the page's weight raw,
/// gzip and brotli (the budget: 14 KB compressed).
/// </summary>
internal static class LandingRender
{
    public static void Run(int renders)
    {
        var contents = Enumerable.Range(0, 64).Select(Content).ToArray();
        for (var i = 0; i < 2_000; i++)
        {
            LandingPage.Render(contents[i % contents.Length], "warm-up");
        }

        var ticks = new long[renders];
        var bytes = 0L;
        for (var i = 0; i < renders; i++)
        {
            var start = Stopwatch.GetTimestamp();
            var html = LandingPage.Render(contents[i % contents.Length], "nonce-0123456789");
            ticks[i] = Stopwatch.GetTimestamp() - start;
            bytes += html.Length;
        }

        Array.Sort(ticks);
        double Micro(long t) => t * 1_000_000.0 / Stopwatch.Frequency;
        var page = Encoding.UTF8.GetBytes(LandingPage.Render(contents[0], "nonce-0123456789"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{renders:N0} landing renders: p50 {Micro(ticks[renders / 2]):F1} µs, p99 {Micro(ticks[(int)(renders * 0.99)]):F1} µs, max {Micro(ticks[^1]):F1} µs ({bytes / renders:N0} chars a page)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"page weight: {page.Length:N0} B raw, {Compressed(page, s => new GZipStream(s, CompressionLevel.Optimal, true)):N0} B gzip, {Compressed(page, s => new BrotliStream(s, CompressionLevel.Optimal, true)):N0} B brotli (budget 14,336 B compressed)"));

        // The onboarding form: a question page with the form's description for the script, and the script itself.
        var questions = OnboardingQuestions.For(["spark-monthly", "spark-yearly"]);
        var plans = new[] { new PlanChoice("spark-monthly", "MonaSpark Pro", new Money(1_900, CurrencyCode.Eur), BillingPeriod.Monthly), new PlanChoice("spark-yearly", "MonaSpark Pro (yearly)", new Money(19_000, CurrencyCode.Eur), BillingPeriod.Yearly) };
        var view = new OnboardingView(LandingStatus.Ready, contents[0].Token, "fr", contents[0].ArtistName,
            new OnboardingStep(questions[5], "chanson", null, null, 5, 8), plans, null,
            new OnboardingState(questions, new Dictionary<string, string> { ["name"] = "Zélie", ["act"] = "solo", ["deal"] = "independent" }, new Dictionary<string, string> { ["name"] = "Zélie", ["genre"] = "chanson", ["country"] = "FR" }));
        var formTicks = new long[Math.Max(1, renders / 10)];
        for (var i = 0; i < formTicks.Length; i++)
        {
            var start = Stopwatch.GetTimestamp();
            OnboardingFormPage.Render(view, "csrf-0123456789", "nonce-0123456789");
            formTicks[i] = Stopwatch.GetTimestamp() - start;
        }

        Array.Sort(formTicks);
        var formPage = Encoding.UTF8.GetBytes(OnboardingFormPage.Render(view, "csrf-0123456789", "nonce-0123456789"));
        var script = StaticAssets.Find(StaticAssets.FormScript)!;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{formTicks.Length:N0} form renders: p50 {Micro(formTicks[formTicks.Length / 2]):F1} µs, p99 {Micro(formTicks[(int)(formTicks.Length * 0.99)]):F1} µs"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"form page weight: {formPage.Length:N0} B raw, {Compressed(formPage, s => new GZipStream(s, CompressionLevel.Optimal, true)):N0} B gzip, {Compressed(formPage, s => new BrotliStream(s, CompressionLevel.Optimal, true)):N0} B brotli; its script {script.Content.Length:N0} B raw, {script.Gzip.Length:N0} B gzip, {script.Brotli.Length:N0} B brotli (cached a year)"));
    }

    private static LandingContent Content(int i) => new(
        "AUVJ5wABI0VniavN7wEj7Jqr7jkTEDTfcJt1dBa1cA",
        i % 2 == 0 ? "fr" : "en",
        $"Artiste n°{i} & les \"Échos\"",
        new Uri($"https://i.scdn.example/image/{i}.jpg"),
        ["chanson", "pop", "électro"],
        new LandingMomentum(10_000 + (i * 977), (i % 7) / 20.0, 1 + (i % 3)),
        new LandingOffer("spark-monthly", "MonaSpark Pro", new Money(1_900, CurrencyCode.Eur), BillingPeriod.Monthly),
        i % 3 == 0 ? "intro" : "momentum",
        ["Vos sorties proposées aux playlists et blogs qui vont avec votre son", "Un rapport chaque semaine", "Sans engagement : résiliable en un clic"],
        new DateTimeOffset(2026, 12, 31, 0, 0, 0, TimeSpan.Zero),
        $"v{i}");

    private static long Compressed(byte[] bytes, Func<Stream, Stream> compressor)
    {
        using var output = new MemoryStream();
        using (var stream = compressor(output))
        {
            stream.Write(bytes);
        }

        return output.Length;
    }
}
