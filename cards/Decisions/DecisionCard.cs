using System.Globalization;
using ExecOps.Workflows.Decisions;
using ExecOps.Workflows.People;

namespace ExecOps.Cards.Decisions;

/// <summary>A decision as its approver sees it: verdict, money, evidence, guardrails, milestones, the five assessments; Approve / Reject while it waits.</summary>
public static class DecisionCard
{
    public const string Approve = "decision.approve";
    public const string Reject = "decision.reject";
    public const string Refresh = "decision.refresh";
    public const string Decision = "decision";
    public const string Version = CardVersion.Key;

    public static Card Build(ExecOps.Workflows.Decisions.Decision decision, PeopleDirectory people)
    {
        var d = decision.Data;
        var facts = new List<Fact>
        {
            new("Verdict", d.Verdict.ToString().ToUpperInvariant() + (d.Proposed is { } p && p != d.Verdict ? $" (the assessments propose {p}; override: {d.OverrideReason})" : d.Proposed is not null ? " (as the assessments propose)" : "")),
            new("State", d.State.ToString() + (d.DecidedBy is { } by ? $" by {people.NameOf(by)}, {d.DecidedAt:yyyy-MM-dd HH:mm} UTC" : "")),
            new("Owner", people.NameOf(d.Owner)),
            new("Approver", d.Approver is { } a ? people.NameOf(a) : "not named (an imported entry)"),
            new("Budget", "$" + d.BudgetUsd.ToString("#,0", CultureInfo.InvariantCulture)),
            new("Evidence", d.Evidence.Count == 0 ? "none" : string.Join(", ", d.Evidence)),
            new("Guardrails", d.Guardrails.Count == 0 ? "none" : string.Join("; ", d.Guardrails)),
            new("Milestones", d.Milestones.Count == 0 ? "none" : string.Join("; ", d.Milestones.Select(m => $"{m.Name} {m.Due:yyyy-MM-dd}"))),
            new("Revisit", d.Revisit?.ToString("yyyy-MM-dd") ?? "not set"),
        };
        facts.AddRange(d.Assessments.Select(x => new Fact(x.Dimension.ToString(), x.Note.Length == 0 ? x.Verdict.ToString() : $"{x.Verdict}: {x.Note}")));
        if (d.Supersedes is { } older) facts.Add(new("Supersedes", older));
        if (d.SupersededBy is { } newer) facts.Add(new("Superseded by", newer));
        var reference = new Dictionary<string, string> { [Decision] = d.Id, [Version] = decision.Version.ToString(CultureInfo.InvariantCulture) };
        return new Card($"{d.Id} · {d.Verdict.ToString().ToUpperInvariant()} — {d.Title}", [new FactsBlock(facts)],
            d.AwaitsApproval ? [new ActionButton("Approve", Approve, reference, ButtonStyle.Positive), new ActionButton("Reject", Reject, reference, ButtonStyle.Destructive)] : [])
        {
            Subtitle = d.State.ToString(),
            Tone = d.AwaitsApproval ? Tone.Accent : d.WasRejected ? Tone.Attention : Tone.Good,
            Refresh = new CardRefresh(Refresh, new Dictionary<string, string> { [Decision] = d.Id }),
            Actors = d.Approver is { } approver ? [approver] : [],
        };
    }
}
