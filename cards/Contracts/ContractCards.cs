using ExecOps.Workflows.Contracts;
using ExecOps.Workflows.People;

namespace ExecOps.Cards.Contracts;

/// <summary>The contract inventory's cards: the list, one contract, the gaps, the notice deadlines coming, and what an import did.</summary>
public static class ContractCards
{
    public static Card List(IReadOnlyList<ContractData> contracts, PeopleDirectory people)
    {
        var rows = contracts.Select(c => $"{c.Id} {c.Customer} ({c.Reference}) · {c.Tier} · {(c.IsActive ? $"ends {c.End:yyyy-MM-dd}, notice by {c.NoticeDeadline:yyyy-MM-dd}" : $"ended {c.End:yyyy-MM-dd}")} · " +
            $"owner {people.NameOf(c.Owner)} · {c.Promises.Count} promise(s)" + (c.Promises.Count(p => p.IsGap) is > 0 and var gaps ? $" · ⚠ {gaps} gap(s)" : "")).ToList();
        return new Card("Contracts", [new ListBlock(rows.Count == 0 ? ["No contracts yet. Import them with `/contract import` or POST /api/contracts."] : rows)], [])
        {
            Subtitle = $"{contracts.Count(c => c.IsActive)} in force",
        };
    }

    public static Card Show(Contract contract, PeopleDirectory people)
    {
        var data = contract.Data;
        var facts = new List<Fact>
        {
            new("Customer", $"{data.Customer} · tier {data.Tier}"),
            new("Reference", data.Reference),
            new("Term", $"{data.Start:yyyy-MM-dd} to {data.End:yyyy-MM-dd}"),
            new("Notice", $"{data.NoticeDays} days: by {data.NoticeDeadline:yyyy-MM-dd}"),
            new("Penalty", data.Penalty ?? "none stated"),
            new("Owner", people.NameOf(data.Owner)),
            new("Services", string.Join(", ", data.Services)),
            new("State", data.State.ToString()),
        };
        var body = new List<CardBlock>
        {
            new FactsBlock(facts),
            new TextBlock("Promises", TextStyle.Heading),
            new ListBlock(data.Promises.Select(p => $"{p.Number}. {p.Terms} · " + (p.IsGap ? $"⚠ nothing enforces it; {people.NameOf(p.GapOwner!)} closes it by {p.GapDue:yyyy-MM-dd}" : $"enforced by {p.Enforcement}")).ToList()),
        };
        if (data.Amendments.Count > 0)
        {
            body.Add(new TextBlock("Amendments", TextStyle.Heading));
            body.Add(new ListBlock(data.Amendments.TakeLast(10).Select(a => $"{a.At:yyyy-MM-dd HH:mm} UTC · {people.NameOf(a.By)} · {string.Join("; ", a.Changes)}").ToList()));
        }
        return new Card($"{data.Id} · {data.Customer}", body, []) { Tone = data.Promises.Any(p => p.IsGap) ? Tone.Warning : Tone.Default };
    }

    public static Card Gaps(IReadOnlyList<ContractData> contracts, PeopleDirectory people)
    {
        var gaps = contracts.Where(c => c.IsActive).SelectMany(c => c.Promises.Where(p => p.IsGap).Select(p => (Contract: c, Promise: p))).OrderBy(x => x.Promise.GapDue).ToList();
        var rows = gaps.Select(x => $"{x.Contract.Id} {x.Contract.Customer} · {x.Promise.Terms} · {people.NameOf(x.Promise.GapOwner!)} by {x.Promise.GapDue:yyyy-MM-dd}").ToList();
        return new Card("Promises nothing enforces", [new ListBlock(rows.Count == 0 ? ["Every promise in force is mapped to a KPI, a control or a setting."] : rows)], [])
        {
            Subtitle = $"{gaps.Count} gap(s)",
            Tone = gaps.Count > 0 ? Tone.Warning : Tone.Good,
        };
    }

    public static Card Upcoming(IReadOnlyList<ContractData> contracts, DateOnly today, int days, PeopleDirectory people)
    {
        var due = contracts.Where(c => c.IsActive && c.NoticeDeadline >= today && c.NoticeDeadline <= today.AddDays(days)).OrderBy(c => c.NoticeDeadline).ToList();
        var rows = due.Select(c => $"{c.NoticeDeadline:yyyy-MM-dd} · {c.Id} {c.Customer} ({c.Tier}) · notice of non-renewal, {c.NoticeDeadline.DayNumber - today.DayNumber} day(s) left · " +
            $"owner {people.NameOf(c.Owner)} · at stake: {c.Penalty ?? "no penalty stated"}").ToList();
        return new Card($"Notice deadlines in the next {days} days", [new ListBlock(rows.Count == 0 ? ["None."] : rows)], [])
        {
            Tone = due.Count > 0 ? Tone.Warning : Tone.Default,
        };
    }

    public static string Receipt(IReadOnlyList<ContractReceipt> receipts) =>
        $"{receipts.Count(r => r.Outcome == ContractService.Created)} created, {receipts.Count(r => r.Outcome == ContractService.Amended)} amended, {receipts.Count(r => r.Outcome == ContractService.Unchanged)} unchanged: " +
        string.Join("; ", receipts.Select(r => $"{r.Id} ({r.Reference}) {r.Outcome}" + (r.Changes.Count > 0 ? $": {string.Join(", ", r.Changes)}" : "")));
}
