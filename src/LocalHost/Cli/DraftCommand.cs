using System.CommandLine;
using System.Globalization;
using MonaSpark.Application.Copywriting;
using MonaSpark.Domain.Artists;
using MonaSpark.Domain.Outreach.Copy;

namespace MonaSpark.LocalHost.Cli;

/// <summary>
/// <c>draft &lt;artist-id&gt; [--channel email|sms|instagram] [--variant intro|momentum|followup]</c>:
/// the first-contact copy the configured writer produces for an artist once it passed the
/// guardrails, which writer produced it and every rejected attempt. Exit code 3 when no draft passed.
/// </summary>
internal static class DraftCommand
{
    /// <summary>No draft passed the guardrails (the profile itself breaks one, e.g. markup in the name).</summary>
    public const int NoDraft = 3;

    /// <summary>The link token of a preview: outreach mints the real one per journey.</summary>
    public const string PreviewToken = "preview";

    private static readonly Dictionary<string, ContactChannel> Channels = new(StringComparer.OrdinalIgnoreCase)
    {
        ["email"] = ContactChannel.Email,
        ["sms"] = ContactChannel.Sms,
        ["instagram"] = ContactChannel.DirectMessage,
    };

    public static Command Create(Option<string> data, TextWriter output, TextWriter error)
    {
        var artist = new Argument<string>("artist-id") { Description = "The artist (an id from /api/leads, `reviews` or the dashboard)." };
        var channel = new Option<ContactChannel>("--channel")
        {
            Description = "email (default), sms or instagram (a direct message).",
            DefaultValueFactory = _ => ContactChannel.Email,
            CustomParser = result =>
            {
                var token = result.Tokens.Count == 1 ? result.Tokens[0].Value : null;
                if (token is not null && Channels.TryGetValue(token, out var parsed))
                {
                    return parsed;
                }

                result.AddError($"--channel: '{token}' is not one of email, sms, instagram.");
                return default;
            },
        };
        var variant = new Option<string?>("--variant") { Description = "intro, momentum or followup (default: momentum when the artist is growing, else intro)." };
        variant.Validators.Add(r =>
        {
            var value = r.GetValueOrDefault<string?>();
            if (value is not null && CopyVariant.Find(value) is null)
            {
                r.AddError($"--variant: '{value}' is not one of {string.Join(", ", CopyVariant.All.Select(v => v.Id))}.");
            }
        });

        var command = new Command("draft", "Draft first-contact copy for an artist through the guardrails, and show what was rejected.") { artist, channel, variant };
        command.SetAction((result, ct) => RunAsync(
            Path.GetFullPath(result.GetValue(data)!), result.GetValue(artist)!, result.GetValue(channel), result.GetValue(variant), output, error, ct));
        return command;
    }

    private static async Task<int> RunAsync(string dataDirectory, string id, ContactChannel channel, string? variant, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        if (!ArtistId.TryParse(id, out var artistId))
        {
            await error.WriteLineAsync("monaspark: an artist id is ASCII letters, digits or dashes (see /api/leads or `reviews`)");
            return MonaSparkCli.UsageError;
        }

        return await HostStartup.WithExistingDataAsync(dataDirectory, error, async services =>
        {
            var result = await services.GetRequiredService<DraftOutreachCopy>().DraftAsync(new DraftCopyCommand(artistId, channel, PreviewToken, FirstContact: true, variant), cancellationToken);
            if (result is null)
            {
                await error.WriteLineAsync($"monaspark: no artist '{artistId}' in {dataDirectory}");
                return MonaSparkCli.UsageError;
            }

            await WriteAsync(output, result);
            return result.Succeeded ? 0 : NoDraft;
        });
    }

    private static async Task WriteAsync(TextWriter output, CopyResult result)
    {
        var brief = result.Brief;
        var language = brief.Language == CopyLanguage.French ? "French" : "English";
        var channel = Channels.First(c => c.Value == brief.Channel).Key;
        await output.WriteLineAsync($"Draft for {brief.ArtistId}: {channel}, {language}, variant {brief.Variant.Id}, first contact");
        var rejected = result.Rejections.Count;
        await output.WriteLineAsync(result.Writer is { } writer
            ? string.Create(CultureInfo.InvariantCulture, $"Writer: {writer}{(rejected > 0 ? $" (after {rejected} rejected attempt{(rejected == 1 ? "" : "s")})" : "")}")
            : "No draft passed the guardrails.");
        await output.WriteLineAsync($"Links carry the preview token '{PreviewToken}'; outreach mints one per journey.");
        if (result.Draft is { } draft)
        {
            await output.WriteLineAsync();
            if (draft.Subject.Length > 0)
            {
                await output.WriteLineAsync($"Subject: {draft.Subject}");
                await output.WriteLineAsync();
            }

            await output.WriteLineAsync(draft.Body);
        }

        if (rejected > 0)
        {
            await output.WriteLineAsync();
            await output.WriteLineAsync($"Rejected attempts ({rejected}):");
            foreach (var rejection in result.Rejections)
            {
                foreach (var violation in rejection.Violations)
                {
                    // Messages may quote a writer's output: one clean, bounded line each.
                    await output.WriteLineAsync($"  {rejection.Writer} #{rejection.Attempt}  {violation.Code,-20} {PlainText.Clean(violation.Message, 160)}");
                }
            }
        }
    }
}
