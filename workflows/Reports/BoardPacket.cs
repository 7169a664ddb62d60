using System.Globalization;
using ExecOps.Workflows.Decisions;
using ExecOps.Workflows.Kpis;
using ExecOps.Workflows.Risks;

namespace ExecOps.Workflows.Reports;

/// <summary>
/// The monthly board packet of §11, drafted from the canonical KPI and risk sources: KPIs with deltas,
/// the top five risks with their mitigations, incidents, roadmap, finances, decisions and asks, what
/// changed and what is being done about it, and an appendix for diligence.
/// </summary>
public static class BoardPacket
{
    public static ReportFile File(BoardPacketFacts facts, Func<string?, string> name) =>
        new($"board_packet_{facts.Month:yyyy-MM}.md", Write(facts, name));

    private static string Write(BoardPacketFacts facts, Func<string?, string> name)
    {
        var month = facts.Month.ToString("MMMM yyyy", CultureInfo.InvariantCulture);
        var before = $"end of {facts.Month.AddMonths(-1).ToString("MMM", CultureInfo.InvariantCulture)}";
        var after = facts.DraftedAt < new DateTimeOffset(facts.NextMonth.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero)
            ? $"{facts.Month.ToString("MMM", CultureInfo.InvariantCulture)} to date"
            : $"end of {facts.Month.ToString("MMM", CultureInfo.InvariantCulture)}";
        var doc = new Markdown().Heading(1, $"Board packet — {month}")
            .Paragraph($"**Draft for review.** Drafted by ExecOps.Bot on {Markdown.Day(facts.DraftedAt)} at {facts.DraftedAt.UtcDateTime:HH:mm} UTC for {facts.ReaderName}."
                + (facts.Hidden > 0 ? $" {facts.Hidden} KPI(s) are left out at your access level." : ""));

        doc.Heading(2, "KPIs").Table(["KPI", before, after, "Change", "Target", "Status"],
            facts.Kpis.Select(Markdown.Row), "No KPI you may see has data.");

        doc.Heading(2, $"Top {BoardPacketFacts.TopRiskCount} risks and mitigations");
        if (facts.TopRisks.Count == 0) doc.Paragraph("_The register has no open risk._");
        foreach (var risk in facts.TopRisks)
            doc.Heading(3, $"{risk.Id} — {risk.Title}")
                .Paragraph($"{risk.Rating}, exposure {Markdown.Usd(risk.Exposure)} ({(risk.Probability * 100).ToString("0.#", CultureInfo.InvariantCulture)}% × {Markdown.Usd(risk.ImpactUsd)}); "
                    + $"owner {name(risk.Owner)}, sponsor {name(risk.Sponsor)}; {risk.State.ToString().ToLowerInvariant()}.")
                .Table(["#", "Mitigation", "Owner", "Due", "Status"],
                    risk.Mitigations.Select(m => (IReadOnlyList<string>)[m.Number.ToString(CultureInfo.InvariantCulture), m.Action, name(m.Owner), Markdown.Day(m.Due), m.Status.ToString()]),
                    "No mitigation planned.");

        var incidents = facts.Incidents;
        doc.Heading(2, "Incidents")
            .Paragraph($"{incidents.Total} incident(s) declared; {incidents.Sev1s.Count} Sev1; MTTR (median time to resolve) {Markdown.Duration(incidents.Mttr)}." +
                (incidents.Notices is { } notices ? $" Customer notification deadlines: {notices}." : ""))
            .Table(["Sev", "Declared", "MTTR"], incidents.BySeverity.Select(s => (IReadOnlyList<string>)[s.Severity.ToString(), s.Count.ToString(CultureInfo.InvariantCulture), Markdown.Duration(s.MedianTimeToResolve)]), "")
            .Bullets(incidents.Sev1s.Select(i => $"Sev1 {i.Id} — {i.Title}: {(i.ResolvedAt is { } r ? $"resolved in {Markdown.Duration(r - i.DeclaredAt)}" : "not yet resolved")}"
                + (i.Postmortem?.RootCause is { } cause ? $"; root cause {cause}" : "")), "No Sev1.");

        doc.Heading(3, "Trust ledger: improvements shipped")
            .Paragraph($"{facts.Ledger.Shipped.Count} shipped this month: {facts.Ledger.Hardening} hardening, {facts.Ledger.Deletions} deletion.")
            .Bullets(facts.Ledger.Lines(name), "Nothing shipped yet this month.");

        doc.Heading(2, "Roadmap milestones").Table(["Due", "Milestone", "Decision", "Owner", "When"],
            facts.Roadmap.Select(p => (IReadOnlyList<string>)[Markdown.Day(p.Due), p.What, $"{p.Decision.Id} ({p.Decision.Title})", name(p.Decision.Owner),
                p.Due < facts.NextMonth ? "this month" : "next 90 days"]),
            "No approved decision has a milestone this month or in the 90 days after.");

        var committed = facts.Decided.Where(d => d.IsInForce).ToList();
        doc.Heading(2, "Finances").Table(["KPI", before, after, "Change", "Target", "Status"], facts.Finances.Select(Markdown.Row), "No finance KPI you may see has data.")
            .Paragraph($"Capital committed by decisions approved this month: {Markdown.Usd(committed.Sum(d => d.BudgetUsd))} across {committed.Count} decision(s).");
        SpendSection.Write(doc, facts.Spend, name);

        doc.Heading(2, "Decisions and asks").Heading(3, "Decided this month")
            .Table(["ID", "Verdict", "Title", "Owner", "Budget", "Status"],
                facts.Decided.Select(d => (IReadOnlyList<string>)[d.Id, ScaleReadout.Verdict(d.Verdict), d.Title, name(d.Owner), Markdown.Usd(d.BudgetUsd), ScaleReadout.Status(d)]),
                "No decision was approved or rejected this month.")
            .Heading(3, "Asks")
            .Table(["Ask", "Owner", "Decided by", "Needed by"],
                facts.Asks.Select(a => (IReadOnlyList<string>)[$"{a.Id}: {a.What}", name(a.Owner), name(a.DecidedBy), a.NeededBy is { } due ? Markdown.Day(due) : "no date set"]),
                "Nothing is waiting for a decision.");

        doc.Heading(2, "What changed since last month").Bullets(Changes(facts), "Nothing material changed.");
        doc.Heading(2, "What we're doing about it").Bullets(Actions(facts, name), "Nothing needs action.");

        doc.Heading(2, "Appendix")
            .Heading(3, "Evidence links")
            .Bullets(facts.Decided.Concat(facts.Roadmap.Select(p => p.Decision)).DistinctBy(d => d.Id).SelectMany(d => d.Evidence.Select(e => $"{e} ({d.Id})"))
                .Concat(facts.TopRisks.SelectMany(r => r.Evidence.Select(e => $"{e} ({r.Id})"))), "none linked")
            .Heading(3, "Definitions")
            .Table(["KPI", "Definition", "Target", "Owner", "Source"],
                facts.Definitions.Select(k => (IReadOnlyList<string>)[k.Name, k.Definition, $"{(k.Direction == KpiDirection.Higher ? "≥" : "≤")} {k.Unit.Format(k.Target)}", name(k.Owner), k.Source]), "")
            .Heading(3, "Audit")
            .Bullets([
                "KPI values are the scoreboard's company-wide values as of each month's end; its lineage is in the KPI catalog.",
                "Every command, approval and refusal behind these records is in the bot's audit log; incident timelines are kept per incident.",
            ], "");
        return doc.ToString();
    }

    private static IEnumerable<string> Changes(BoardPacketFacts facts)
    {
        foreach (var d in facts.Kpis.Where(d => d.StatusBefore is not null && d.Status is not null && d.StatusBefore != d.Status))
            yield return $"{d.Kpi.Name}: {Markdown.Status(d.StatusBefore)} → {Markdown.Status(d.Status)} ({Markdown.Value(d.Kpi, d.Before)} → {Markdown.Value(d.Kpi, d.Now)})";
        foreach (var risk in facts.NewRisks)
            yield return $"New risk {risk.Id}: {risk.Title} ({risk.Rating}, exposure {Markdown.Usd(risk.Exposure)})";
        if (facts.Incidents.Sev1s.Count > 0)
            yield return $"{facts.Incidents.Sev1s.Count} Sev1 incident(s): {string.Join(", ", facts.Incidents.Sev1s.Select(i => i.Id))}";
        foreach (var d in facts.Decided.Where(d => d.IsInForce))
            yield return $"Approved {d.Id}: {ScaleReadout.Verdict(d.Verdict)} — {d.Title} ({Markdown.Usd(d.BudgetUsd)})";
    }

    private static IEnumerable<string> Actions(BoardPacketFacts facts, Func<string?, string> name)
    {
        foreach (var d in facts.Kpis.Where(d => d.Status is KpiStatus.Red or KpiStatus.Yellow))
            yield return d.Commentary is { } c
                ? $"{d.Kpi.Name} ({Markdown.Status(d.Status)}): {c.Action}; back to target by {Markdown.Day(c.RecoveryBy)} ({name(c.By)}). Cause: {c.Cause}"
                : $"{d.Kpi.Name} ({Markdown.Status(d.Status)}): no variance commentary yet; {name(d.Kpi.Owner)} owns it.";
        foreach (var risk in facts.TopRisks.Where(r => r.Rating.IsRed()))
            yield return risk.Mitigations.Where(m => m.Status == MitigationStatus.Planned).MinBy(m => m.Due) is { } next
                ? $"{risk.Id} ({risk.Rating}): {next.Action} ({name(next.Owner)}, due {Markdown.Day(next.Due)})"
                : $"{risk.Id} ({risk.Rating}): no mitigation planned; the weekly risk review asks its owner for one.";
        foreach (var incident in facts.Incidents.Sev1s)
            yield return incident.Postmortem is { } pm
                ? $"{incident.Id}: postmortem done; {pm.Prevention.Count} prevention item(s), {pm.Prevention.Count(p => p.Systemic)} systemic."
                : $"{incident.Id}: postmortem {(incident.PostmortemDue is { } due ? $"due {Markdown.Day(due)}" : "to be scheduled")}.";
    }
}
