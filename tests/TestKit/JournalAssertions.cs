using MonaSpark.Application.Ports;
using MonaSpark.Domain.Events;

namespace MonaSpark.TestKit;

internal static class JournalAssertions
{
    public static async Task<IReadOnlyList<DomainEvent>> AllEventsAsync(this IJournal journal)
    {
        var all = new List<DomainEvent>();
        long after = 0;
        while (true)
        {
            var page = await journal.ReadAsync(after, 100);
            if (page.Count == 0)
            {
                return all;
            }

            all.AddRange(page.Select(e => e.Event));
            after = page[^1].Position;
        }
    }
}
