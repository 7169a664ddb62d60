using ExecOps.Workflows.Kernel;
using ExecOps.Workflows.Notifications;
using ExecOps.Workflows.People;
using ExecOps.Workflows.Storage;

namespace ExecOps.Workflows.Incidents;

public sealed partial class IncidentService
{
    /// <summary>Takes a signal in one transaction; the delivery it came in is claimed first, so a redelivery changes nothing.</summary>
    public async Task<SignalOutcome> ReceiveAsync(Signal signal)
    {
        await using var unit = await store.BeginAsync();
        var outcome = await ReceiveAsync(unit, signal);
        await unit.CommitAsync();
        return outcome;
    }

    /// <summary>
    /// The signal joins the open incidents that answer for its link, else those on its service. When none does, a
    /// declare rule opens one with the service's on-call as IC; a signal for a service nobody knows is announced, never dropped.
    /// </summary>
    internal async Task<SignalOutcome> ReceiveAsync(UnitOfWork unit, Signal signal)
    {
        await unit.ClaimRequestAsync();
        var entry = map.Find(signal.Service);
        var service = entry?.Id ?? Trimmed(signal.Service);
        // A provider writes what it writes: a long summary is cut rather than the signal refused.
        var summary = Clip(signal.Summary, Bounds.Note);
        var at = Bounds.Placed(signal.At, unit.Now);
        if (signal.Kind == "deploy" && signal.Marks && service is not null)
            await unit.Markers.AddReleaseAsync(new ReleaseMarker(at, service, summary, signal.Source));

        var open = (await unit.Aggregates.ListAsync<IncidentData>(Incident.Kind)).Select(s => Wrap(s, unit.Now)).Where(i => i.Data.IsOpen).ToList();
        var targets = signal.Link is { } link ? open.Where(i => i.Data.Links.Contains(link)).ToList() : [];
        if (targets.Count == 0 && service is not null) targets = open.Where(i => string.Equals(i.Data.Service, service, StringComparison.OrdinalIgnoreCase)).ToList();
        var joined = new List<string>();
        foreach (var incident in targets)
        {
            if (!incident.AttachEvent(signal.Kind, summary, at, signal.Source)) continue;
            if (signal.Link is { } l) incident.Link(l);
            await SaveAsync(unit, incident);
            joined.Add(incident.Id);
        }
        if (joined.Count > 0) return new SignalOutcome(joined, null, null);

        if (signal.Declare is { } severity && entry is not null)
        {
            if (people.Find(map.OnCallOf(entry)) is { } onCall)
                return new SignalOutcome([], await DeclareForAsync(unit, signal, severity, entry.Id, summary, at, Actor.For(onCall)), null);
            return await AnnounceAsync(unit, $"{signal.Source} would declare a {severity.Label()} on {entry.Id}, but nobody in the directory is on call for it: {summary}. " +
                $"Declare it by hand (`/incident declare {severity.Label().ToLowerInvariant()} \"…\" service:{entry.Id}`) and set an on-call with `/owner set {entry.Id} oncall:@someone`.", entry.Id);
        }
        if (entry is null)
            return await AnnounceAsync(unit, $"{signal.Source} · {signal.Kind} for {(service is null ? "no service" : $"\"{service}\", which the ownership map does not know")}: {summary}. " +
                "No incident took it; map the service in the integration's settings or the ownership map.", service ?? signal.Source);
        return new SignalOutcome([], null, null);
    }

    private async Task<string> DeclareForAsync(UnitOfWork unit, Signal signal, Severity severity, string service, string summary, DateTimeOffset at, Actor commander)
    {
        var number = await unit.Counters.NextAsync(Incident.Kind);
        var title = Clip(signal.Title ?? summary, Incident.MaxTitleLength);
        var incident = Incident.Declare(number, title, severity, service, null, commander, settings, unit.Now);
        incident.AttachEvent(signal.Kind, $"declared this incident: {summary}", at, signal.Source);
        if (signal.Link is { } link) incident.Link(link);
        if (OnCallFor(service) is { } owners) incident.Page(owners);
        incident.CallCommander(signal.Source);
        await StartNoticesAsync(unit, incident);
        await SaveAsync(unit, incident);
        return incident.Id;
    }

    private async Task<SignalOutcome> AnnounceAsync(UnitOfWork unit, string text, string subject)
    {
        await unit.Outbox.EnqueueAsync(new Notification(Recipient.Channel(settings.Channel), text));
        await unit.AuditAsync(subject);
        return new SignalOutcome([], null, text);
    }

    private static string? Trimmed(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static string Clip(string text, int max) => (text = text.Trim()).Length <= max ? text : text[..(max - 1)] + "…";
}
