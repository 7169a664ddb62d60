using ExecOps.Workflows.Kpis;
using ExecOps.Workflows.People;

namespace ExecOps.Cards.Kpis;

/// <summary>A KPI definition change for the Governance Council: what changes, the RFC's fields, and Approve / Reject while it is open.</summary>
public static class KpiChangeCard
{
    public const string Approve = "kpi.change.approve";
    public const string Reject = "kpi.change.reject";
    public const string Refresh = "kpi.change.refresh";
    public const string Change = "change";
    public const string Version = CardVersion.Key;
    public const string Reason = "reason";

    /// <summary>The card for a change, with its KPI's definition from the catalog in force.</summary>
    public static Card Build(KpiChange change, KpiCatalog catalog, PeopleDirectory people) => Build(change, catalog.Find(change.Data.Kpi)!, people);

    public static Card Build(KpiChange change, Kpi kpi, PeopleDirectory people)
    {
        var data = change.Data;
        var facts = new List<Fact> { new("KPI", kpi.Name), new("State", data.State.ToString()) };
        facts.AddRange(data.Changes.Select(c => new Fact($"Change: {c.Key}", $"{Shown(data.Before.GetValueOrDefault(c.Key))} → {c.Value}")));
        facts.Add(new("Impact analysis", data.Impact));
        facts.Add(new("Data-quality validation", data.Validation));
        facts.Add(new("Migration plan", data.Migration));
        facts.Add(new("Effective", data.EffectiveOn.ToString("yyyy-MM-dd")));
        facts.Add(new("Proposed by", $"{people.NameOf(data.ProposedBy)}, {data.ProposedAt:yyyy-MM-dd HH:mm} UTC"));
        if (data.DecidedBy is { } decider)
            facts.Add(new(data.WasRejected ? "Rejected by" : "Approved by", $"{people.NameOf(decider)}, {data.DecidedAt:yyyy-MM-dd HH:mm} UTC" + (data.Reason is { } r ? $": {r}" : "")));
        if (data.TookEffectAt is { } took) facts.Add(new("In force since", $"{took:yyyy-MM-dd HH:mm} UTC"));

        var reference = new Dictionary<string, string> { [Change] = data.Id, [Version] = change.Version.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        var buttons = data.AwaitsCouncil
            ? new List<CardButton>
            {
                new ActionButton("Approve", Approve, reference, ButtonStyle.Positive),
                new FormButton("Reject", Reject, reference, [new TextInput(Reason, "Why is it rejected?", Multiline: true, MaxLength: 1000)], "Reject"),
            }
            : [];
        return new Card($"{data.Id} · {kpi.Name} definition change", [new FactsBlock(facts)], buttons)
        {
            Subtitle = data.AwaitsCouncil ? "Awaiting the Governance Council" : data.State.ToString(),
            Tone = data.WasRejected ? Tone.Attention : data.AwaitsCouncil ? Tone.Accent : Tone.Good,
            Refresh = new CardRefresh(Refresh, new Dictionary<string, string> { [Change] = data.Id }),
            Actors = people.WithRole(Roles.GovernanceCouncil).Select(p => p.Id).ToList(),
        };
    }

    /// <summary>One line per change for `/kpi show`: the KPI's definition history.</summary>
    public static string HistoryLine(KpiChangeData change, PeopleDirectory people) =>
        $"{change.Id} · {change.State.ToString().ToLowerInvariant()} · effective {change.EffectiveOn:yyyy-MM-dd} · " +
        string.Join(", ", change.Changes.Select(c => $"{c.Key} {Shown(change.Before.GetValueOrDefault(c.Key))} → {c.Value}")) +
        $" · proposed by {people.NameOf(change.ProposedBy)}" + (change.DecidedBy is { } d ? $", decided by {people.NameOf(d)}" : "");

    private static string Shown(string? value) => string.IsNullOrEmpty(value) ? "(none)" : value.Length > 60 ? value[..57] + "…" : value;
}
