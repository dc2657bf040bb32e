using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MonaSpark.Application.Options;
using MonaSpark.Application.Ports;
using MonaSpark.Application.Resolution;
using MonaSpark.Application.Telemetry;
using MonaSpark.Domain.Artists;
using MonaSpark.Domain.Outreach.Copy;

namespace MonaSpark.Application.Copywriting;

/// <summary>
/// Use case: draft outreach copy for an artist. Builds the brief from the profile and its snapshots
/// (the only facts a draft may state), asks the configured writer, checks every draft against the
/// guardrails, retries the writer with the violations as feedback up to
/// <see cref="CopywritingOptions.MaxRetries"/> times, then falls back to the template writer. Every
/// rejection is counted and returned; no draft that breaks a guardrail is ever returned.
/// </summary>
public sealed partial class DraftOutreachCopy(
    IArtistStore artists,
    ICopywriter writer,
    [FromKeyedServices(DraftOutreachCopy.FallbackKey)] ICopywriter fallback,
    IOptions<CopywritingOptions> options,
    TimeProvider time,
    MonaSparkTelemetry telemetry,
    ILogger<DraftOutreachCopy> logger)
{
    /// <summary>The service key of the writer used when the primary one fails: the template writer.</summary>
    public const string FallbackKey = "copy-fallback";

    /// <summary>Snapshots older than this are stale for copy (the longest growth window, 90 days, with margin).</summary>
    public static readonly TimeSpan HistoryWindow = TimeSpan.FromDays(120);

    /// <returns>The result, or null when the artist does not exist.</returns>
    /// <exception cref="ArgumentException">Unknown variant or malformed link token.</exception>
    public async Task<CopyResult?> DraftAsync(DraftCopyCommand command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        var variant = command.VariantId is null ? null : CopyVariant.Find(command.VariantId)
            ?? throw new ArgumentException($"Unknown copy variant '{command.VariantId}'.", nameof(command));
        var artist = await artists.GetSurvivorAsync(command.ArtistId, cancellationToken);
        if (artist is null)
        {
            return null;
        }

        using var activity = MonaSparkTelemetry.ActivitySource.StartActivity("DraftOutreachCopy");
        var started = Stopwatch.GetTimestamp();
        var now = time.GetUtcNow();
        var history = await artists.GetAllSnapshotsAsync(artist, now - HistoryWindow, cancellationToken);
        var brief = Brief(artist, history, now, command, variant);
        var result = await WriteAsync(brief, cancellationToken);
        telemetry.CopyDrafts.Add(1, new KeyValuePair<string, object?>("writer", result.Writer ?? "none"), new KeyValuePair<string, object?>("channel", brief.Channel.ToString()));
        telemetry.UseCaseDuration.Record(Stopwatch.GetElapsedTime(started).TotalMilliseconds, new KeyValuePair<string, object?>("usecase", "draft-copy"));
        if (!result.Succeeded)
        {
            LogNoDraft(logger, brief.ArtistId.Value, result.Rejections.Count);
        }

        return result;
    }

    private CopyBrief Brief(Artist artist, IReadOnlyList<MetricSnapshot> history, DateTimeOffset now, DraftCopyCommand command, CopyVariant? variant)
    {
        var settings = options.Value;
        var language = CopyLanguage.ForMarket(artist.Country?.Value);
        var facts = CopyFacts.From(artist, history, now, language);
        return new CopyBrief
        {
            ArtistId = artist.Id,
            Channel = command.Channel,
            Language = language,
            Variant = variant ?? CopyVariant.DefaultFor(command.FirstContact, facts),
            FirstContact = command.FirstContact,
            Facts = facts,
            Sources = CopyFacts.SourcesOf(artist, history),
            Sender = new SenderIdentity(settings.Company, settings.SenderName),
            Links = CopyLinks.For(settings.PublicBaseUrl, command.LinkToken),
            ProfileText = PlainText.Clean(artist.Bio?.Value, settings.MaxProfileText),
        };
    }

    private async Task<CopyResult> WriteAsync(CopyBrief brief, CancellationToken cancellationToken)
    {
        var rejections = new List<CopyRejection>();

        // A deterministic template gives the same draft twice: it gets one attempt, as primary or as fallback.
        var plan = ReferenceEquals(writer, fallback)
            ? new[] { (Writer: fallback, Attempts: 1) }
            : [(writer, 1 + options.Value.MaxRetries), (fallback, 1)];
        foreach (var (current, attempts) in plan)
        {
            IReadOnlyList<CopyViolation> feedback = [];
            for (var attempt = 1; attempt <= attempts; attempt++)
            {
                var outcome = await TryAsync(current, new CopyRequest(brief, feedback), cancellationToken);
                if (outcome.Draft is { } draft)
                {
                    return new CopyResult(brief, draft, current.Name, rejections);
                }

                rejections.Add(new CopyRejection(current.Name, attempt, outcome.Found));
                foreach (var code in outcome.Found.Select(v => v.Code).Distinct())
                {
                    telemetry.CopyRejections.Add(1, new KeyValuePair<string, object?>("writer", current.Name), new KeyValuePair<string, object?>("code", code));
                }

                LogRejected(logger, brief.ArtistId.Value, current.Name, attempt, string.Join(",", outcome.Found.Select(v => v.Code)));
                if (outcome.Found.Any(v => v.Code == CopyViolationCodes.WriterFailed))
                {
                    break; // a failing service is not helped by feedback: go to the fallback
                }

                feedback = outcome.Found;
            }
        }

        return new CopyResult(brief, null, null, rejections);
    }

    /// <summary>One attempt: the draft when it passes, else why not. Only the primary writer's failures are caught.</summary>
    private async Task<(CopyDraft? Draft, IReadOnlyList<CopyViolation> Found)> TryAsync(ICopywriter current, CopyRequest request, CancellationToken cancellationToken)
    {
        CopyDraft draft;
        try
        {
            draft = await current.DraftAsync(request, cancellationToken);
        }
        catch (MalformedDraftException ex)
        {
            return (null, [new CopyViolation(CopyViolationCodes.MalformedAnswer, ex.Message)]);
        }
        catch (Exception ex) when (!ReferenceEquals(current, fallback) && !(ex is OperationCanceledException && cancellationToken.IsCancellationRequested))
        {
            LogWriterFailed(logger, current.Name, request.Brief.ArtistId.Value, ex.GetType().Name);
            return (null, [new CopyViolation(CopyViolationCodes.WriterFailed, $"The writer failed ({ex.GetType().Name}).")]);
        }

        var violations = CopyGuard.Check(request.Brief, draft.Subject, draft.Body);
        return violations.Count == 0 ? (draft, []) : (null, violations);
    }

    // Codes and ids only: never the draft, the profile or any personal data.
    [LoggerMessage(Level = LogLevel.Information, Message = "Copy for {ArtistId} by {Writer} rejected on attempt {Attempt}: {Codes}")]
    private static partial void LogRejected(ILogger logger, string artistId, string writer, int attempt, string codes);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Copywriter {Writer} failed for {ArtistId} ({ErrorType}); using the fallback")]
    private static partial void LogWriterFailed(ILogger logger, string writer, string artistId, string errorType);

    [LoggerMessage(Level = LogLevel.Warning, Message = "No copy for {ArtistId} passed the guardrails after {Rejections} rejections")]
    private static partial void LogNoDraft(ILogger logger, string artistId, int rejections);
}
