using System.Globalization;
using ExecOps.Workflows.Changes;
using ExecOps.Workflows.People;

namespace ExecOps.Cards.Changes;

/// <summary>A change envelope: what, where, how it rolls back and what it must not break; Approve / Reject for its approvers while it waits.</summary>
public static class ChangeCard
{
    public const string Approve = "change.approve";
    public const string Reject = "change.reject";
    public const string Refresh = "change.refresh";
    public const string Change = "change";
    public const string Version = CardVersion.Key;
    public const string Reason = "reason";

    public static Card Build(ExecOps.Workflows.Changes.Change change, PeopleDirectory people)
    {
        var data = change.Data;
        var facts = new List<Fact>
        {
            new("State", data.State.ToString()),
            new("Tier / service", $"Tier {data.Tier} · {data.Service}"),
            new("Owner", people.NameOf(data.Owner)),
            new("Scope", data.Scope ?? "not stated"),
            new("Rollback plan", data.Rollback ?? "not stated"),
            new("Guardrails", data.Guardrails.Count == 0 ? "none" : string.Join(", ", data.Guardrails)),
        };
        if (data.WindowStart is { } start) facts.Add(new("Window", $"{start:yyyy-MM-dd HH:mm}..{data.WindowEnd:yyyy-MM-dd HH:mm} UTC"));
        if (data.Flag is { } flag) facts.Add(new("Feature flag", flag));
        if (data.Migration is { } m) facts.Add(new("Data migration", $"idempotent {(m.Idempotent ? "yes" : "no")} · lock budget {m.LockBudget} · rollback {m.RollbackPath}"));
        facts.Add(new("Approvals", data.NeededApprovals.Count == 0 ? "self-approved (Tier 2/3)"
            : string.Join("; ", data.NeededApprovals.Select(r => data.Approvals.FirstOrDefault(a => a.Role == r) is { } a
                ? $"{Label(r)}: {people.NameOf(a.By)}, {a.At:yyyy-MM-dd HH:mm} UTC" : $"{Label(r)}: waiting"))));
        if (data.IsLive) facts.Add(new("Rollout", $"{data.StagePercent}%"));
        if (data.RollbackRequested) facts.Add(new("Rollback", "requested: a guardrail broke"));

        var reference = new Dictionary<string, string> { [Change] = data.Id, [Version] = change.Version.ToString(CultureInfo.InvariantCulture) };
        var buttons = ApprovalButtons.While(data.AwaitsApproval, "Approve", Approve, Reject, Reason, reference);
        return new Card($"{data.Id} · {data.Title}", [new FactsBlock(facts)], buttons)
        {
            Subtitle = $"Tier {data.Tier} · {data.Service} · {data.State}",
            Tone = data.AwaitsApproval ? Tone.Accent : data.EndedBadly || data.RollbackRequested ? Tone.Attention : Tone.Default,
            Refresh = new CardRefresh(Refresh, new Dictionary<string, string> { [Change] = data.Id }),
            Actors = change.Approvers(people),
        };
    }

    public static string Label(string role) => role == ExecOps.Workflows.Changes.Change.ExecRole ? "exec (freeze)" : "service approver";
}
