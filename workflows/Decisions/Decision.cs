using System.Text.RegularExpressions;
using ExecOps.Workflows.Kpis;
using ExecOps.Workflows.Kernel;
using ExecOps.Workflows.Notifications;
using ExecOps.Workflows.People;
using ExecOps.Workflows.Machines;

namespace ExecOps.Workflows.Decisions;

/// <summary>What `/decision new` was given, before it is checked.</summary>
public sealed record DecisionDraft(string Title, Verdict? Verdict, string Owner, string Approver, decimal BudgetUsd, IReadOnlyList<string> Evidence,
    IReadOnlyList<string> Guardrails, IReadOnlyList<Milestone> Milestones, DateOnly? Revisit, IReadOnlyList<Assessment> Assessments, string? OverrideReason, string? Supersedes);

/// <summary>
/// A decision in the log (seed 003 and §10): proposed, then approved or rejected by its approver from a
/// card; the bot proposes the verdict from the five assessments, and choosing another needs a reason.
/// </summary>
public sealed partial class Decision(DecisionData data, long version, DateTimeOffset now) : Aggregate<DecisionData>(data, version)
{
    public const string Kind = "decision";

    public override string Id => Data.Id;
    public override string StoredState => Data.State.ToString();

    /// <param name="approver">The approver as the directory has them: they must hold <paramref name="approverRole"/> and not be the proposer.</param>
    public static Decision Propose(string id, DecisionDraft draft, Actor actor, Actor approver, string approverRole, KpiCatalog catalog, DateTimeOffset now)
    {
        if (approver.Id == actor.Id)
            throw new RefusedException(RefusalKind.Forbidden, $"You ({actor.Name}) cannot approve your own decision; name another approver who holds the {approverRole} role.");
        if (!approver.Has(approverRole))
            throw new RefusedException(RefusalKind.Forbidden, $"approver:{approver.Id} ({approver.Name}) does not hold the {approverRole} role, so cannot approve a decision; name someone who does.");
        if (string.IsNullOrWhiteSpace(draft.Title)) throw new RefusedException(RefusalKind.Invalid, "A decision needs a title.");
        Bounds.Text(draft.Title, "The title", Bounds.Title);
        if (draft.BudgetUsd < 0) throw new RefusedException(RefusalKind.Invalid, "The budget cannot be negative.");
        if (draft.BudgetUsd > 0) Bounds.Money(draft.BudgetUsd, "budget");
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var past = draft.Milestones.Where(m => m.Due < today).ToList();
        if (past.Count > 0) throw new RefusedException(RefusalKind.Invalid, $"Milestone(s) in the past: {string.Join(", ", past.Select(m => $"{m.Name} {m.Due:yyyy-MM-dd}"))}; a decision commits to dates ahead.");
        foreach (var milestone in draft.Milestones) Bounds.Ahead(milestone.Due, today, $"milestone {milestone.Name}");
        if (draft.Revisit is { } revisit) Bounds.Ahead(revisit, today, "revisit");
        CheckGuardrails(draft.Guardrails, catalog);
        Verdict? proposed = draft.Assessments.Count > 0 ? VerdictRule.Propose(draft.Assessments) : null;
        var verdict = draft.Verdict ?? proposed ?? throw new RefusedException(RefusalKind.Invalid, "Give the verdict (verdict:expand|hold|retire), or assess the five dimensions and the bot proposes one.");
        if (proposed is { } p && p != verdict && string.IsNullOrWhiteSpace(draft.OverrideReason))
            throw new RefusedException(RefusalKind.Invalid, $"The assessments propose {p}; choosing {verdict} needs a reason (override:\"…\").");
        var data = new DecisionData
        {
            Id = id, Title = draft.Title.Trim(), Verdict = verdict, Proposed = proposed, OverrideReason = draft.OverrideReason?.Trim(), Owner = draft.Owner, Approver = draft.Approver, ProposedBy = actor.Id, ApproverRole = approverRole,
            BudgetUsd = draft.BudgetUsd, Evidence = [.. draft.Evidence], Guardrails = [.. draft.Guardrails], Milestones = [.. draft.Milestones], Revisit = draft.Revisit,
            Assessments = [.. draft.Assessments], Supersedes = draft.Supersedes, CreatedAt = now,
        };
        var decision = new Decision(data, 0, now);
        decision.Send(new Notification(Recipient.Person(draft.Approver), $"{actor.Name} asks you to approve {id}: {verdict.ToString().ToUpperInvariant()} — {data.Title}.", new Subject(Kind, id)));
        return decision;
    }

    public void Approve(Actor actor) => Decide(actor, DecisionTrigger.Approve);

    public void Reject(Actor actor) => Decide(actor, DecisionTrigger.Reject);

    /// <summary>This approved decision is replaced by <paramref name="newer"/>: both now point at each other.</summary>
    public void SupersededBy(string newer)
    {
        DecisionMachine.For(Data, Actor.System).FireOrRefuse(DecisionTrigger.Supersede, Id, Id);
        Data.SupersededBy = newer;
    }

    /// <summary>A guardrail that names a KPI (`kpi.uptime >= 99.9`) must name one in the catalog; others are the decision's own metrics.</summary>
    public static void CheckGuardrails(IEnumerable<string> guardrails, KpiCatalog catalog)
    {
        foreach (var guardrail in guardrails)
        {
            var match = GuardrailPattern().Match(guardrail);
            if (!match.Success)
                throw new RefusedException(RefusalKind.Invalid, $"The guardrail `{guardrail}` does not parse; write it like `p95_latency_ms <= 1200` or `kpi.uptime >= 99.9`.");
            if (!match.Groups[1].Value.StartsWith("kpi.", StringComparison.OrdinalIgnoreCase)) continue;
            if (catalog.Find(match.Groups[1].Value[4..]) is null)
                throw new RefusedException(RefusalKind.NotFound, $"The guardrail `{guardrail}` names a KPI the catalog does not have. KPIs: {string.Join(", ", catalog.Kpis.Select(k => k.Id))}.");
            // A KPI guardrail is checked against the scoreboard, so it must be plain metric, comparison and number.
            Changes.Guardrail.ParseAll(guardrail);
        }
    }

    private void Decide(Actor actor, DecisionTrigger trigger)
    {
        DecisionMachine.For(Data, actor).FireOrRefuse(trigger, Id, Id);
        Data.DecidedBy = actor.Id;
        Data.DecidedAt = now;
        Send(new Notification(Recipient.Person(Data.Owner), $"{actor.Name} {(trigger == DecisionTrigger.Approve ? "approved" : "rejected")} {Id}: {Data.Verdict.ToString().ToUpperInvariant()} — {Data.Title}.", new Subject(Kind, Id)));
    }

    [GeneratedRegex(@"^\s*([A-Za-z][A-Za-z0-9_.]*)\s*(<=|>=|==|<|>)\s*-?[0-9]+(?:\.[0-9]+)?\s*(?:%|/[0-9]+(?:\.[0-9]+)?)?\s*$")]
    private static partial Regex GuardrailPattern();
}
