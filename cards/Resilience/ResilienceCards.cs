using ExecOps.Workflows.People;
using ExecOps.Workflows.Resilience;

namespace ExecOps.Cards.Resilience;

/// <summary>The resilience scorecard of Tier 0/1 services, and the game-day catalog.</summary>
public static class ResilienceCards
{
    private const int MaxRows = 25;

    public static Card Scorecard(IReadOnlyList<ScorecardRow> rows, PeopleDirectory people)
    {
        var body = new List<CardBlock>();
        foreach (var row in rows.Take(MaxRows))
        {
            body.Add(new TextBlock($"{Mark(row.Readiness)} {row.Name} ({row.Entry}) · Tier {row.Tier} · {row.Why}", TextStyle.Heading));
            body.Add(new FactsBlock(
            [
                new("RTO / RPO", $"{Span(row.Rto)} / {Span(row.Rpo)}"),
                new("Last DR drill", row.LastDrDrill is { } d ? $"{d.At:yyyy-MM-dd}, {(d.Passed ? "passed" : "failed")}, recovered in {Span(d.Recovery)}" + (d.DataLoss is { } loss ? $", lost {Span(loss)}" : "") : "none"),
                new("Last rollback drill", row.LastRollbackDrill is { } r ? $"{r:yyyy-MM-dd}" : "none"),
                new("Game days", row.GameDays.Count == 0 ? "none run" : $"{row.GameDays.Count} run, last {row.GameDays.Max(g => g.RecordedAt):yyyy-MM-dd}" +
                    (row.ExecsTakingPart.Count > 0 ? $"; execs: {string.Join(", ", row.ExecsTakingPart.Select(people.NameOf))}" : "; no exec took part")),
                new("Open resilience risks", row.OpenRisks.Count == 0 ? "none" : string.Join(", ", row.OpenRisks)),
            ]));
        }
        var red = rows.Count(r => r.Readiness == Readiness.Red);
        return new Card("Resilience scorecard", body.Count == 0 ? [new TextBlock("The ownership map has no Tier 0/1 service.")] : body, [])
        {
            Subtitle = $"{rows.Count} Tier 0/1 services · {red} red, {rows.Count(r => r.Readiness == Readiness.Yellow)} yellow",
            Tone = red > 0 ? Tone.Attention : rows.Any(r => r.Readiness == Readiness.Yellow) ? Tone.Warning : Tone.Good,
        };
    }

    public static Card GameDays(IReadOnlyList<GameDayData> gameDays, PeopleDirectory people) =>
        new("Game-day catalog", [new ListBlock(gameDays.Count == 0 ? ["None yet: `/resilience gameday add` plans one."] : gameDays.TakeLast(40).Select(g =>
            $"{g.Id} · {g.On:yyyy-MM-dd} · {g.Service} · {g.Name} · " + (g.WasRun
                ? $"{(g.HasFailed ? "failed" : "passed")}, with {string.Join(", ", g.Participants.Select(people.NameOf))}" + (g.RaisedRisk is { } risk ? $" · {risk}" : "")
                : "planned")).ToList())], [])
        {
            Subtitle = gameDays.Count > 40 ? $"The latest 40 of {gameDays.Count}" : $"{gameDays.Count} in the catalog",
        };

    public static Card GameDay(GameDayData g, PeopleDirectory people) =>
        new($"{g.Id}: {g.Name}", [new FactsBlock(
        [
            new("Service", g.Service), new("On", $"{g.On:yyyy-MM-dd}"), new("Scenario", g.Scenario),
            new("Result", g.WasRun ? $"{(g.HasFailed ? "failed" : "passed")} ({people.NameOf(g.RecordedBy!)}, {g.RecordedAt:yyyy-MM-dd}): {g.Notes}" : "not run yet"),
            new("Took part", g.Participants.Count == 0 ? "nobody yet" : string.Join(", ", g.Participants.Select(people.NameOf))),
            new("Risk raised", g.RaisedRisk ?? "none"),
        ])], [])
        { Tone = g.HasFailed ? Tone.Attention : g.WasRun ? Tone.Good : Tone.Default };

    private static string Mark(Readiness readiness) => readiness switch { Readiness.Red => "🔴", Readiness.Yellow => "🟡", _ => "🟢" };

    private static string Span(TimeSpan? span) => span is { } s ? s.TotalMinutes < 120 ? $"{s.TotalMinutes:0} min" : $"{s.TotalHours:0.#} h" : "not set";
}
