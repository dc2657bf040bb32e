using System.Globalization;
using MonaSpark.Application.Queries;

namespace MonaSpark.LocalHost.Cli;

/// <summary>Plain-text reports for the terminal.</summary>
internal static class Report
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static async Task WriteKpisAsync(TextWriter output, Kpis kpis)
    {
        await output.WriteLineAsync(string.Create(Inv, $"Records ingested:   {kpis.RecordsIngested,8:N0}"));
        await output.WriteLineAsync(string.Create(Inv, $"  accepted:         {kpis.RecordsAccepted,8:N0}"));
        await output.WriteLineAsync(string.Create(Inv, $"  quarantined:      {kpis.RecordsQuarantined,8:N0}"));
        foreach (var (reason, count) in kpis.QuarantineByReason)
        {
            await output.WriteLineAsync(string.Create(Inv, $"    {reason,-16}{count,8:N0}"));
        }

        await output.WriteLineAsync(string.Create(Inv, $"  pending:          {kpis.RecordsPending,8:N0}"));
        if (kpis.Sources.Count > 0)
        {
            await output.WriteLineAsync(string.Create(Inv, $"By source:          {"landed",8} {"accepted",9} {"quarantined",12}"));
            foreach (var source in kpis.Sources)
            {
                await output.WriteLineAsync(string.Create(Inv, $"  {source.Source,-18}{source.Ingested,8:N0} {source.Accepted,9:N0} {source.Quarantined,12:N0}"));
            }
        }

        await output.WriteLineAsync(string.Create(Inv, $"Artists:            {kpis.Artists,8:N0}"));
        await output.WriteLineAsync(string.Create(Inv, $"Leads scored:       {kpis.LeadsScored,8:N0}"));
        foreach (var (stage, count) in kpis.LeadsByStage)
        {
            await output.WriteLineAsync(string.Create(Inv, $"  {stage,-18}{count,8:N0}"));
        }

        await output.WriteLineAsync(string.Create(Inv, $"Work queue depth:   {kpis.QueueDepth,8:N0}"));
        await output.WriteLineAsync(string.Create(Inv, $"Dead letters:       {kpis.DeadLetters,8:N0}"));
    }

    public static async Task WriteDemoAsync(TextWriter output, Kpis kpis, IReadOnlyList<LeadView> top, TimeSpan elapsed)
    {
        await output.WriteLineAsync();
        await output.WriteLineAsync(string.Create(Inv, $"MonaSpark demo report ({elapsed.TotalSeconds:F1} s)"));
        await WriteKpisAsync(output, kpis);
        await output.WriteLineAsync();
        await output.WriteLineAsync($"Top {top.Count} leads");
        await output.WriteLineAsync(string.Create(Inv, $"{"#",3}  {"Artist",-24} {"Tier",-5} {"p(conv)",7} {"Value",12} {"Priority",12}  Model"));
        var rank = 0;
        foreach (var lead in top)
        {
            var name = lead.Name.Length > 24 ? lead.Name[..23] + "…" : lead.Name;
            await output.WriteLineAsync(string.Create(Inv,
                $"{++rank,3}  {name,-24} {lead.Tier,-5} {(lead.Probability * 100).ToString("F0", Inv) + "%",7} {Money(lead.ExpectedValueMinor, lead.Currency),12} {Money(lead.PriorityMinor, lead.Currency),12}  {lead.ModelVersion}"));
            await output.WriteLineAsync($"       why: {string.Join("; ", lead.Explanation)}");
        }
    }

    private static string Money(long minor, string currency) => string.Create(Inv, $"{minor / 100m:N2} {currency}");
}
