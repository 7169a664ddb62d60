using System.Data.Common;
using ExecOps.Workflows.Incidents;
using ExecOps.Workflows.Storage;

namespace ExecOps.Tests.EndToEnd;

/// <summary>How the replica test counts reminders and deliveries against what was owed.</summary>
public sealed partial class ReplicaKillTests
{
    private sealed record ReminderCounts(int Due, int Fired, int Twice, int Missed, TimeSpan Latest, string LatestWas);

    /// <summary>
    /// Each incident owes an update every <see cref="Cadence"/> until it is resolved; each miss the
    /// reminder records ("miss n") must be there once, within <see cref="Lateness"/> of its due time. The
    /// due times follow the incident's cadence: from its declaration, and once pressed into Investigating,
    /// from then (or from the declaration, if later), the misses so far still counted.
    /// </summary>
    private static ReminderCounts Reminders(IEnumerable<IncidentData> incidents, Dictionary<string, IReadOnlyList<TimelineEntry>> timelines, Dictionary<string, DateTimeOffset> resolved)
    {
        int due = 0, fired = 0, twice = 0, missed = 0;
        var latest = TimeSpan.Zero;
        var latestWas = "";
        foreach (var incident in incidents)
        {
            var timeline = timelines[incident.Id];
            var misses = timeline.Where(e => e.Kind == "reminder" && Miss().IsMatch(e.Text)).Select(e => (e.At, Miss: int.Parse(Miss().Match(e.Text).Groups[1].Value))).ToList();
            var pressed = timeline.FirstOrDefault(e => e.Text.Contains("Declared → Investigating"))?.At ?? DateTimeOffset.MaxValue;
            var beforePress = misses.Count(m => m.At < pressed);
            var restart = pressed == DateTimeOffset.MaxValue ? incident.DeclaredAt + Cadence : Max(incident.DeclaredAt + Cadence, pressed + Cadence);
            DateTimeOffset Due(int miss) => miss <= beforePress ? incident.DeclaredAt + miss * Cadence : restart + (miss - 1) * Cadence;

            var end = resolved.TryGetValue(incident.Id, out var at) ? at - Lateness : DateTimeOffset.MinValue;
            var owed = Enumerable.Range(1, 1000).TakeWhile(m => Due(m) <= end).ToList();
            due += owed.Count;
            fired += misses.Select(m => m.Miss).Distinct().Count();
            twice += misses.Count - misses.Select(m => m.Miss).Distinct().Count();
            missed += owed.Count(m => misses.All(f => f.Miss != m));
            foreach (var (firedAt, miss) in misses)
                if (firedAt - Due(miss) > latest)
                    (latest, latestWas) = (firedAt - Due(miss), $"{incident.Id} miss {miss}, due {Due(miss):HH:mm:ss.f}, fired {firedAt:HH:mm:ss.f}");
        }
        return new ReminderCounts(due, fired, twice, missed, latest, latestWas);
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private sealed record Deliveries(int Rows, IReadOnlyList<string> Unmatched, IReadOnlyList<string> InFlight);

    /// <summary>
    /// The delivered outbox rows for Slack's channels and people, against what Slack was sent: the texts
    /// sent a different number of times than the outbox holds them, but for those in flight at the kill.
    /// A message the dead replica had sent, whose note that it had was not yet committed, is sent again by
    /// the next deliverer: Slack's Web API has no idempotency key that could tell it apart. Such a message
    /// was posted once before the kill and once after, and there can be no more of them than lanes. Texts
    /// repeat (a reminder says the minute an update was owed since, and comes every few seconds), so a text
    /// sent once more than the outbox holds it, before and after the kill, is one such message.
    /// </summary>
    private async Task<Deliveries> DeliveriesAsync(DateTimeOffset killedAt)
    {
        var texts = new List<string>();
        await using (var connection = await store.Database.OpenAsync())
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT text FROM outbox WHERE delivered_at IS NOT NULL AND recipient NOT LIKE 'answer:%'";
            await using DbDataReader reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync()) texts.Add(reader.GetString(0));
        }
        var posted = slack.CallsTo("chat.postMessage").GroupBy(c => c.Text("text")!).ToDictionary(g => g.Key, g => g.ToList());
        var wrong = texts.GroupBy(t => t).Where(g => posted.GetValueOrDefault(g.Key)?.Count != g.Count()).ToList();
        bool InFlight(IGrouping<string, string> rows) =>
            posted.GetValueOrDefault(rows.Key) is { } posts && posts.Count == rows.Count() + 1
            && posts.Any(p => p.At < killedAt) && posts.Any(p => p.At > killedAt);
        return new Deliveries(texts.Count,
            [.. wrong.Where(g => !InFlight(g)).Select(g => $"{g.Count()} in the outbox, {posted.GetValueOrDefault(g.Key)?.Count ?? 0} posted: {g.Key}")],
            [.. wrong.Where(InFlight).Select(g => g.Key)]);
    }
}
