using System.Globalization;
using ExecOps.Workflows.Decisions;
using ExecOps.Workflows.Kpis;

namespace ExecOps.Workflows.Reports;

/// <summary>
/// Seed 003's artifact pack, written from the bot's records: `exec_scale_readout.md` (value, SLOs,
/// incidents, unit cost, the decisions to take with their traffic light, the next 90 days),
/// `decision_log.md` and `next_90_plan.md`.
/// </summary>
public static class ScaleReadout
{
    public const string ReadoutFile = "exec_scale_readout.md";
    public const string DecisionLogFile = "decision_log.md";
    public const string PlanFile = "next_90_plan.md";

    public static IReadOnlyList<ReportFile> Files(ReadoutFacts facts, Func<string?, string> name) =>
        [new(ReadoutFile, Readout(facts, name)), new(DecisionLogFile, DecisionLog(facts, name)), new(PlanFile, Plan(facts, name))];

    private static string Readout(ReadoutFacts facts, Func<string?, string> name)
    {
        var doc = new Markdown().Heading(1, $"Executive Scale Readout — {Markdown.Day(facts.From)} to {Markdown.Day(facts.To)}")
            .Paragraph(Provenance(facts));

        doc.Heading(2, "Value realized — KPI deltas")
            .Table(["KPI", $"{ReadoutFacts.Weeks} weeks ago", "Now", "Change", "Target", "Status"],
                facts.Deltas.Select(Markdown.Row), "No KPI you may see has data.");

        doc.Heading(2, "SLO adherence")
            .Table(["SLO", "Weeks at target (this one to date)", "Now", "Target"],
                facts.Slos.Select(s => (IReadOnlyList<string>)[s.Kpi.Name, s.WeeksWithData == 0 ? "no data" : $"{s.WeeksMet} of {s.WeeksWithData}", Markdown.Value(s.Kpi, s.Last), s.Kpi.Unit.Format(s.Kpi.Target)]),
                "No SLO KPI has data in the period.");

        var incidents = facts.Incidents;
        doc.Heading(2, "Incident summary")
            .Paragraph($"{incidents.Total} incident(s) declared; MTTR (median time to resolve) {Markdown.Duration(incidents.Mttr)}.")
            .Table(["Sev", "Declared", "MTTR"], incidents.BySeverity.Select(s => (IReadOnlyList<string>)[s.Severity.ToString(), s.Count.ToString(CultureInfo.InvariantCulture), Markdown.Duration(s.MedianTimeToResolve)]), "")
            .Heading(3, "Sev1s")
            .Bullets(incidents.Sev1s.Select(i => $"{i.Id} — {i.Title}{(i.Service is null ? "" : $" ({i.Service})")}: {Resolution(i)}"), "none")
            .Heading(3, "Recurring root causes")
            .Bullets(incidents.RecurringCauses, "none");

        doc.Heading(2, "Unit-cost trend")
            .Table(["KPI", "Start", "Now", "Change", "Weekly, oldest first"],
                facts.UnitCosts.Select(s => (IReadOnlyList<string>)[s.Kpi.Name, Markdown.Value(s.Kpi, s.First), Markdown.Value(s.Kpi, s.Last), Trend(s),
                    string.Join(" → ", s.Values.Select(v => v is { } x ? s.Kpi.Unit.Format(x) : "·"))]),
                "No unit-cost KPI has data in the period.");

        doc.Heading(2, "Decisions to take");
        if (facts.ToTake.Count == 0) doc.Paragraph("_No decision is waiting for its approver._");
        foreach (var decision in facts.ToTake) TrafficLight(doc, decision, name);

        doc.Heading(2, "Next 90 days — milestones").Table(["Due", "Milestone", "Decision", "Owner"], PlanRows(facts.Next90, name), "No approved decision has a date in the next 90 days.");
        doc.Heading(2, "Evidence").Bullets(facts.ToTake.Concat(facts.Logged).DistinctBy(d => d.Id).SelectMany(d => d.Evidence.Select(e => $"{e} ({d.Id})")), "none linked");
        return doc.ToString();
    }

    private static string DecisionLog(ReadoutFacts facts, Func<string?, string> name)
    {
        var doc = new Markdown().Heading(1, $"Decision log — {Markdown.Day(facts.From)} to {Markdown.Day(facts.To)}").Paragraph(Provenance(facts));
        var decisions = facts.Logged.Concat(facts.ToTake).DistinctBy(d => d.Id).OrderBy(d => d.Id, StringComparer.Ordinal).ToList();
        doc.Table(["ID", "Verdict", "Title", "Owner", "Approver", "Budget", "Status"],
            decisions.Select(d => (IReadOnlyList<string>)[d.Id, Verdict(d.Verdict), d.Title, name(d.Owner), name(d.Approver), Markdown.Usd(d.BudgetUsd), Status(d)]),
            "No decision was logged in the period.");
        foreach (var d in decisions)
        {
            doc.Heading(2, $"{d.Id} — {Verdict(d.Verdict)}: {d.Title}")
                .Bullets([
                    $"Owner {name(d.Owner)}, approver {name(d.Approver)}, budget {Markdown.Usd(d.BudgetUsd)}",
                    $"Status: {Status(d)}",
                    $"Evidence: {List(d.Evidence)}",
                    $"Guardrails: {List(d.Guardrails)}",
                    $"Milestones: {List(d.Milestones.Select(m => $"{m.Name} {Markdown.Day(m.Due)}"))}",
                    $"Revisit: {(d.Revisit is { } r ? Markdown.Day(r) : "none set")}",
                ], "");
        }
        return doc.ToString();
    }

    private static string Plan(ReadoutFacts facts, Func<string?, string> name)
    {
        var until = facts.Today.AddDays(ReadoutFacts.PlanDays);
        var doc = new Markdown().Heading(1, $"Next 90 days — {Markdown.Day(facts.Today)} to {Markdown.Day(until)}").Paragraph(Provenance(facts));
        doc.Heading(2, "Outcomes — KPIs to bring to target")
            .Table(["KPI", "Now", "Target", "Status", "Owner", "Back by"],
                facts.Deltas.Where(d => d.Status is KpiStatus.Red or KpiStatus.Yellow).Select(d => (IReadOnlyList<string>)[d.Kpi.Name, Markdown.Value(d.Kpi, d.Now),
                    d.Kpi.Unit.Format(d.Kpi.Target), Markdown.Status(d.Status), name(d.Kpi.Owner), d.Commentary is { } c ? Markdown.Day(c.RecoveryBy) : "no commentary yet"]),
                "Every KPI with data is at target.");
        doc.Heading(2, "Milestones").Table(["Due", "Milestone", "Decision", "Owner"], PlanRows(facts.Next90, name), "No approved decision has a date in the next 90 days.");
        doc.Heading(2, "Dashboards").Bullets(["The Executive Scoreboard: `/scoreboard` in chat; its card links to the page", "The risk register: `/risk top`", "The change calendar: `/change calendar`"], "");
        doc.Heading(2, "Cadence").Bullets(facts.Cadence.Select(r => $"{Markdown.Day(r.DueAt)} {r.DueAt.UtcDateTime:HH:mm} UTC — {Rhythm(r.Key)}"), "no rhythm event is scheduled");
        return doc.ToString();
    }

    private static void TrafficLight(Markdown doc, DecisionData decision, Func<string?, string> name)
    {
        doc.Heading(3, $"{decision.Id} — {Verdict(decision.Verdict)}: {decision.Title}")
            .Paragraph($"Owner {name(decision.Owner)}; approver {name(decision.Approver)}; budget {Markdown.Usd(decision.BudgetUsd)}. "
                + (decision.Proposed is not { } proposed ? "Not assessed on the five dimensions."
                    : proposed == decision.Verdict ? $"The traffic light proposes {Verdict(proposed)}."
                    : $"The traffic light proposes {Verdict(proposed)}; {Verdict(decision.Verdict)} is asked because: {decision.OverrideReason}"));
        if (decision.Assessments.Count > 0)
            doc.Table(["Dimension", "Assessment", "Note"], decision.Assessments.Select(a => (IReadOnlyList<string>)[a.Dimension.ToString(), Verdict(a.Verdict), a.Note.Length == 0 ? "—" : a.Note]), "");
    }

    private static IEnumerable<IReadOnlyList<string>> PlanRows(IEnumerable<PlannedDate> dates, Func<string?, string> name) =>
        dates.Select(p => (IReadOnlyList<string>)[Markdown.Day(p.Due), p.What, $"{p.Decision.Id} ({p.Decision.Title})", name(p.Decision.Owner)]);

    private static string Provenance(ReadoutFacts facts) =>
        $"Drafted by ExecOps.Bot on {Markdown.Day(facts.To)} at {facts.To.UtcDateTime:HH:mm} UTC for {facts.ReaderName}, from the scoreboard, incident, risk and decision records."
        + (facts.Hidden > 0 ? $" {facts.Hidden} KPI(s) are left out at your access level." : "");

    private static string Resolution(Incidents.IncidentData incident) =>
        incident.ResolvedAt is { } resolved ? $"resolved in {Markdown.Duration(resolved - incident.DeclaredAt)}" + (incident.Postmortem?.RootCause is { } cause ? $", root cause {cause}" : "")
        : $"{incident.State.ToString().ToLowerInvariant()}, not yet resolved";

    /// <summary>"−12.5% ✓" when a lower-is-better cost fell; the tick says the direction is the right one.</summary>
    private static string Trend(KpiSeries series)
    {
        if (series.First is not { } first || series.Last is not { } last || first == 0) return "—";
        var change = (last - first) / first * 100;
        var better = series.Kpi.Direction == KpiDirection.Lower ? change < 0 : change > 0;
        return $"{(change >= 0 ? "+" : "−")}{Math.Abs(change).ToString("0.#", CultureInfo.InvariantCulture)}%{(change == 0 ? "" : better ? " ✓" : " ✗")}";
    }

    internal static string Verdict(Verdict verdict) => verdict.ToString().ToUpperInvariant();

    internal static string Status(DecisionData d) =>
        d.IsSuperseded ? $"Superseded by {d.SupersededBy}"
        : !d.AwaitsApproval && d.DecidedAt is { } at ? $"{d.State} {Markdown.Day(at)}"
        : d.State.ToString();

    private static string Rhythm(string key) => key["rhythm/".Length..].Replace('/', ' ').Replace('-', ' ');

    private static string List(IEnumerable<string> items) => items.Any() ? string.Join("; ", items) : "none";
}
