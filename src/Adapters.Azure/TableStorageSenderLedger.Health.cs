using System.Globalization;
using Azure;
using Azure.Data.Tables;
using MonaSpark.Adapters.Azure.Journal;
using MonaSpark.Adapters.Azure.Storage;
using MonaSpark.Application.Ports;
using MonaSpark.Domain.Outreach.Policies;

namespace MonaSpark.Adapters.Azure;

public sealed partial class TableStorageSenderLedger
{
    public async Task RecordAsync(string sender, string messageId, SenderOutcome outcome, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sender);
        ArgumentException.ThrowIfNullOrWhiteSpace(messageId);
        var table = await TableAsync(cancellationToken);
        var partition = KeyEncoder.Encode(sender);
        var kind = ((int)outcome).ToString(CultureInfo.InvariantCulture);
        var message = KeyEncoder.Encode(messageId);
        TableTransactionAction[] actions =
        [
            new(TableTransactionActionType.Add, new TableEntity(partition, $"{OutcomePrefix}{message}|{kind}") { ["At"] = at }),
            new(TableTransactionActionType.Add, new TableEntity(partition, $"{AtPrefix}{at.UtcTicks.ToString("D19", CultureInfo.InvariantCulture)}|{message}|{kind}") { ["Outcome"] = (int)outcome }),
        ];
        try
        {
            await table.SubmitTransactionAsync(actions, cancellationToken);
        }
        catch (TableTransactionFailedException ex) when (ex.Status == 409)
        {
            // Recorded before: an outcome counts once per message.
        }
    }

    public async Task<SenderRecord> GetAsync(string sender, DateOnly today, DateTimeOffset since, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sender);
        var table = await TableAsync(cancellationToken);
        var partition = KeyEncoder.Encode(sender);
        var senderRow = await table.GetEntityIfExistsAsync<TableEntity>(partition, SenderRow, cancellationToken: cancellationToken);
        var dayRow = await table.GetEntityIfExistsAsync<TableEntity>(partition, DayRow(today), cancellationToken: cancellationToken);

        var counts = new Dictionary<SenderOutcome, long>();
        var from = AtPrefix + since.UtcTicks.ToString("D19", CultureInfo.InvariantCulture);
        var end = "at}"; // '}' sorts after the digits and '|'.
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {from} and RowKey lt {end}");
        await foreach (var row in table.QueryAsync<TableEntity>(filter, 1000, ["Outcome"], cancellationToken))
        {
            var outcome = (SenderOutcome)row.GetInt32("Outcome")!.Value;
            counts[outcome] = counts.GetValueOrDefault(outcome) + 1;
        }

        var stats = new SenderStats(counts.GetValueOrDefault(SenderOutcome.Sent), counts.GetValueOrDefault(SenderOutcome.Bounced), counts.GetValueOrDefault(SenderOutcome.Complained));
        if (!senderRow.HasValue)
        {
            return new SenderRecord(null, HeldIn(dayRow), stats, null, SenderPauseReason.None);
        }

        var entity = senderRow.Value!;
        var firstSendDay = entity.GetInt32("FirstSendDay") is { } number ? DateOnly.FromDayNumber(number) : (DateOnly?)null;
        var pausedAt = entity.GetDateTimeOffset("PausedAt");
        var reason = pausedAt is null ? SenderPauseReason.None : (SenderPauseReason)(entity.GetInt32("PauseReason") ?? 0);
        return new SenderRecord(firstSendDay, HeldIn(dayRow), stats, pausedAt, reason);
    }

    public async Task PauseAsync(string sender, SenderPauseReason reason, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sender);
        var table = await TableAsync(cancellationToken);
        var partition = KeyEncoder.Encode(sender);
        for (var attempt = 1; ; attempt++)
        {
            var current = await table.GetEntityIfExistsAsync<TableEntity>(partition, SenderRow, cancellationToken: cancellationToken);
            if (current.HasValue && current.Value!.GetDateTimeOffset("PausedAt") is not null)
            {
                return; // Paused already: the first pause's time and reason stay.
            }

            var pause = new TableEntity(partition, SenderRow) { ["PausedAt"] = at, ["PauseReason"] = (int)reason };
            try
            {
                if (current.HasValue)
                {
                    await table.UpdateEntityAsync(pause, current.Value!.ETag, TableUpdateMode.Merge, cancellationToken);
                }
                else
                {
                    await table.AddEntityAsync(pause, cancellationToken);
                }

                return;
            }
            catch (RequestFailedException ex) when (ex.Status is 409 or 412 && attempt < MaxConflictRetries)
            {
                await JournalTable.BackoffAsync(attempt, cancellationToken);
            }
        }
    }

    public async Task ResumeAsync(string sender, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sender);
        var table = await TableAsync(cancellationToken);
        var partition = KeyEncoder.Encode(sender);
        for (var attempt = 1; ; attempt++)
        {
            var current = await table.GetEntityIfExistsAsync<TableEntity>(partition, SenderRow, cancellationToken: cancellationToken);
            if (!current.HasValue || current.Value!.GetDateTimeOffset("PausedAt") is null)
            {
                return;
            }

            // Replace, not merge: a merge cannot remove the pause properties.
            var resumed = new TableEntity(partition, SenderRow) { ["ResumedAt"] = at };
            if (current.Value.GetInt32("FirstSendDay") is { } firstSendDay)
            {
                resumed["FirstSendDay"] = firstSendDay;
            }

            try
            {
                await table.UpdateEntityAsync(resumed, current.Value.ETag, TableUpdateMode.Replace, cancellationToken);
                return;
            }
            catch (RequestFailedException ex) when (ex.Status is 412 or 404 && attempt < MaxConflictRetries)
            {
                await JournalTable.BackoffAsync(attempt, cancellationToken);
            }
        }
    }
}
