using ExecOps.Cards.Kpis;
using ExecOps.Workflows.Kpis;
using ExecOps.Workflows.People;
using ExecOps.Workflows.Scoreboard;

namespace ExecOps.Cards.Scoreboard;

/// <summary>
/// `/scoreboard`: the 12 KPIs for a week and slice with value, target, change, status and trend;
/// the freshness banner; commentary on every red KPI; the week's releases and incidents; drilldown
/// buttons and the link to the Executive Scoreboard page.
/// </summary>
public static class ScoreboardCard
{
    public const int MaxDrilldowns = 8;

    public static Card Build(ScoreboardSnapshot snapshot, PeopleDirectory people, string? pageUrl)
    {
        var body = new List<CardBlock>
        {
            new TextBlock(Banner(snapshot)),
            new FactsBlock(snapshot.Lines.Select(Line).ToList()),
        };
        if (snapshot.Red.Count > 0)
        {
            body.Add(new TextBlock("Variance commentary", TextStyle.Heading));
            body.Add(new ListBlock(snapshot.Red.Select(l => Commentary(l, people)).ToList()));
        }
        body.Add(new TextBlock($"Releases and incidents, {snapshot.Week}", TextStyle.Heading));
        body.Add(new ListBlock(Markers(snapshot, people)));
        if (snapshot.Hidden > 0)
            body.Add(new TextBlock($"{snapshot.Hidden} KPI(s) are not shown: they are classified above what your role may see.", TextStyle.Subtle));

        var buttons = new List<CardButton>();
        if (snapshot.Up is { } up) buttons.Add(new ActionButton("⬆ Up", ScoreboardActions.View, ScoreboardActions.Data(up, snapshot.Week)));
        buttons.AddRange(snapshot.Drilldowns.Take(MaxDrilldowns).Select(d => new ActionButton(d.Label, ScoreboardActions.View, ScoreboardActions.Data(d.Slice, snapshot.Week))));
        if (pageUrl is not null) buttons.Add(new LinkButton("Open the Executive Scoreboard", pageUrl));

        return new Card($"Executive Scoreboard · {snapshot.Week}", body, buttons)
        {
            Subtitle = $"{Capitalised(snapshot.Slice.Describe())} · as of {snapshot.AsOf:yyyy-MM-dd HH:mm} UTC" + (snapshot.WeekComplete ? " · week complete" : ""),
            Tone = snapshot.Banner switch { FreshnessLevel.Red => Tone.Attention, FreshnessLevel.Yellow => Tone.Warning, _ => snapshot.Red.Count > 0 ? Tone.Warning : Tone.Good },
        };
    }

    public static string Status(KpiStatus? status) => status switch
    {
        KpiStatus.Green => "🟢",
        KpiStatus.Yellow => "🟡",
        KpiStatus.Red => "🔴",
        _ => "⚪",
    };

    public static string Banner(ScoreboardSnapshot snapshot)
    {
        string Names(FreshnessLevel level) => string.Join(", ", snapshot.Lines.Where(l => l.Freshness.Level == level)
            .Select(l => $"{l.Kpi.Name} ({(l.Freshness.Age is { } age ? $"{age.TotalHours:0} h" : "no data")})"));
        return snapshot.Banner switch
        {
            FreshnessLevel.Green => "🟢 Data fresh: every KPI is within its freshness SLA.",
            FreshnessLevel.Yellow => $"🟡 Data ageing (within 24 h past SLA): {Names(FreshnessLevel.Yellow)}.",
            _ => $"🔴 Stale data (over 24 h past SLA): {Names(FreshnessLevel.Red)}." + (snapshot.Lines.Any(l => l.Freshness.Level == FreshnessLevel.Yellow) ? $" Ageing: {Names(FreshnessLevel.Yellow)}." : ""),
        };
    }

    public static string Delta(KpiUnit unit, decimal change)
    {
        var sign = change > 0 ? "▲ +" : change < 0 ? "▼ −" : "= ";
        var text = unit.Format(Math.Abs(change));
        return sign + (unit == KpiUnit.Percent ? text.TrimEnd('%') + " pp" : text);
    }

    private static Fact Line(KpiLine line)
    {
        var unit = line.Kpi.Unit;
        var value = line.Value is { } v ? unit.Format(v) : "no data";
        var target = line.Status is null && line.Value is not null && line.Kpi.Additive ? "company target n/a here" : $"target {unit.Format(line.Kpi.Target)}";
        var change = line.Change is { } c ? Delta(unit, c) + " vs last week" : "no prior week";
        // The word beside the dot, for readers without colour or an emoji font.
        var status = line.Status?.ToString().ToLowerInvariant() ?? "unrated";
        return new Fact($"{Status(line.Status)} {line.Kpi.Name}", $"{status} · {value} · {target} · {change} · {Sparkline.Draw(line.Trend)}");
    }

    private static string Commentary(KpiLine line, PeopleDirectory people) => line.Commentary is { } c
        ? $"{line.Kpi.Name}: cause: {c.Cause} · action: {c.Action} · back on target by {c.RecoveryBy:yyyy-MM-dd} ({people.NameOf(c.By)})"
        : $"{line.Kpi.Name}: no commentary yet (owner: {KpiOwnership.Owner(line.Kpi, people)})";

    private static IReadOnlyList<string> Markers(ScoreboardSnapshot snapshot, PeopleDirectory people)
    {
        var markers = snapshot.ReleasesThisWeek.Select(r => $"🚀 {r.At:ddd dd MMM}: {r.Service}: {r.Summary}")
            .Concat(snapshot.IncidentsThisWeek.Select(i => $"🚨 {i.DeclaredAt:ddd dd MMM}: {i.Id} {i.Severity} · {i.Title}" + (i.Service is null ? "" : $" ({i.Service})")
                + (i.Commander is null ? "" : $" · IC {people.NameOf(i.Commander)}") + (i.RootCause is null ? "" : $" · RCA: {i.RootCause}")))
            .ToList();
        return markers.Count > 0 ? markers : ["No releases or incidents recorded."];
    }

    private static string Capitalised(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
