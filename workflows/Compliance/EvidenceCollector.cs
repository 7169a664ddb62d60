using ExecOps.Workflows.Changes;
using ExecOps.Workflows.Incidents;
using ExecOps.Workflows.People;
using ExecOps.Workflows.Risks;
using ExecOps.Workflows.Storage;

namespace ExecOps.Workflows.Compliance;

/// <summary>
/// Evidence the bot holds already, collected for the controls that name it: approved Tier 0/1 changes,
/// reviewed break-glass grants, postmortems with prevention items, risk decisions, rollback drills, vendor
/// reviews and the audit chain's verification. Each record is one item, keyed by the record, so a second pass adds
/// only what is new, and each item's time is the record's (the approval, the review), not the pass's.
/// </summary>
internal static class EvidenceCollector
{
    public static async Task<IReadOnlyList<NewEvidence>> NewAsync(UnitOfWork unit, ControlDefinition control)
    {
        var kept = await unit.Evidence.ReferencesAsync(control.Id);
        var found = new List<NewEvidence>();
        foreach (var need in control.Evidence.Where(e => e.Collect != EvidenceSource.Manual))
            foreach (var (reference, content, at) in await FromRecordsAsync(unit, need.Collect, kept))
                if (!kept.Contains(reference)) found.Add(new NewEvidence(control.Id, need.Kind, need.Collect, content, at, Actor.System.Id, reference));
        return found;
    }

    private static async Task<IEnumerable<(string Reference, string Content, DateTimeOffset At)>> FromRecordsAsync(UnitOfWork unit, EvidenceSource source, IReadOnlySet<string> kept) => source switch
    {
        EvidenceSource.ChangeApprovals => (await unit.Aggregates.ListAsync<ChangeData>(Change.Kind)).Select(s => s.Body)
            .Where(c => c.Tier <= 1 && c.NeededApprovals.Count > 0 && c.NeededApprovals.All(role => c.Approvals.Any(a => a.Role == role)))
            .Select(c => ($"{c.Id}/approved", $"{c.Id} \"{c.Title}\" (Tier {c.Tier}, {c.Service}) approved before it started: " +
                string.Join(", ", c.Approvals.Select(a => $"{a.Role} by {a.By} at {a.At:yyyy-MM-ddTHH:mm:ssZ}")), c.Approvals.Max(a => a.At))),
        EvidenceSource.BreakglassReviews => (await unit.Aggregates.ListAsync<BreakGlassData>(BreakGlass.Kind)).Select(s => s.Body)
            .Where(b => b.Review is not null && b.ReviewedAt is not null)
            .Select(b => ($"{b.Id}/review", $"{b.Id}: {b.PersonName ?? b.Person} on {b.Service} from {b.GrantedAt:yyyy-MM-ddTHH:mm:ssZ}, reviewed: {b.Review}", b.ReviewedAt!.Value)),
        EvidenceSource.Postmortems => (await unit.Aggregates.ListAsync<IncidentData>(Incident.Kind)).Select(s => s.Body)
            .Where(i => i.Postmortem is { Prevention.Count: > 0 })
            .Select(i => ($"{i.Id}/postmortem", $"{i.Id} \"{i.Title}\" postmortem: root cause {i.Postmortem!.RootCause}; prevention: " +
                string.Join("; ", i.Postmortem.Prevention.Select(p => p.Systemic ? $"{p.Text} (systemic)" : p.Text)), i.Postmortem.RecordedAt)),
        EvidenceSource.RiskDecisions => (await unit.Aggregates.ListAsync<RiskData>(Risk.Kind)).Select(s => s.Body)
            .SelectMany(r => r.Decisions.Select((d, n) => ($"{r.Id}/decision/{n + 1}", $"{r.Id} \"{r.Title}\" ({d.RatingThen}): {d.What}, by {d.By} at {d.At:yyyy-MM-ddTHH:mm:ssZ}", d.At))),
        EvidenceSource.RollbackDrills => (await unit.Aggregates.ListAsync<DrillHistory>(Drills.Kind)).Select(s => s.Body)
            .SelectMany(h => h.Results.Select(r => ($"drill/{h.Service}/{r.At:yyyy-MM-ddTHH:mm:ssZ}",
                $"Rollback drill of {h.Service} by {r.By}: {(r.Passed ? "passed" : "failed")} in {r.TimeToRollBack.TotalMinutes:0} min. {r.Notes}".Trim(), r.At))),
        EvidenceSource.VendorReviews => (await unit.Aggregates.ListAsync<VendorData>(Vendor.Kind)).Select(s => s.Body)
            .SelectMany(v => v.Reviews.Select(r => ($"{v.Id}/review/{r.At:yyyy-MM-ddTHH:mm:ssZ}",
                $"{v.Id} {v.Name} ({Vendor.CatalogWords(v.Data)} data, {v.Region}, {(v.Dpa ? "DPA signed" : "no DPA")}) reviewed by {r.By}: {r.Notes}", r.At))),
        EvidenceSource.AuditChain => kept.Contains(AuditChainReference(unit.Now)) ? [] : await AuditChainAsync(unit),
        _ => [],
    };

    private static string AuditChainReference(DateTimeOffset now) => $"audit-chain/{now:yyyy-MM-dd}";

    /// <summary>The chain walked from its first row, once a day; a broken chain is no evidence, so the control goes stale and then red.</summary>
    private static async Task<IEnumerable<(string, string, DateTimeOffset)>> AuditChainAsync(UnitOfWork unit)
    {
        if (await unit.Audit.VerifyAsync() is not null) return [];
        var rows = await unit.Audit.ListAsync();
        return [(AuditChainReference(unit.Now), $"Audit chain verified intact from its first row: {rows.Count} row(s), head {rows.LastOrDefault()?.Hash ?? "(empty)"}", unit.Now)];
    }
}
