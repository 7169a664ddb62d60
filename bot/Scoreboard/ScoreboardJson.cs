using ExecOps.Cards.Kpis;
using ExecOps.Cards.Scoreboard;
using ExecOps.Workflows.Kpis;
using ExecOps.Workflows.People;
using ExecOps.Workflows.Scoreboard;

namespace ExecOps.Bot.Scoreboard;

/// <summary>What the page's script reads: the snapshot with its texts already written, so the page and the card say the same thing.</summary>
public static class ScoreboardJson
{
    public static object From(ScoreboardSnapshot s, Actor viewer, PeopleDirectory people, Segments segments) => new
    {
        week = s.Week.ToString(),
        weeks = s.TrendWeeks.Select(w => w.ToString()),
        slice = Dimensions(s.Slice),
        sliceLabel = s.Slice.Describe(),
        asOf = s.AsOf,
        viewer = new { id = viewer.Id, name = viewer.Name },
        banner = new { level = Level(s.Banner), text = ScoreboardCard.Banner(s) },
        weekComplete = s.WeekComplete,
        hidden = s.Hidden,
        kpis = s.Lines.Select(l => new
        {
            id = l.Kpi.Id,
            name = l.Kpi.Name,
            unit = l.Kpi.Unit.ToString().ToLowerInvariant(),
            owner = KpiOwnership.Owner(l.Kpi, people),
            target = l.Kpi.Target,
            targetText = l.Kpi.Unit.Format(l.Kpi.Target),
            value = l.Value,
            valueText = l.Value is { } v ? l.Kpi.Unit.Format(v) : "no data",
            changeText = l.Change is { } c ? ScoreboardCard.Delta(l.Kpi.Unit, c) + " vs last week" : "no prior week",
            status = l.Status?.ToString().ToLowerInvariant(),
            trend = l.Trend,
            freshness = new { level = Level(l.Freshness.Level), latest = l.Freshness.Latest, ageHours = l.Freshness.Age?.TotalHours },
            commentary = l.Commentary is { } m ? new { cause = m.Cause, action = m.Action, recoveryBy = m.RecoveryBy.ToString("yyyy-MM-dd"), by = people.NameOf(m.By) } : null,
        }),
        releases = s.Releases.Select(r => new { week = IsoWeek.Of(r.At).ToString(), at = r.At, service = r.Service, summary = r.Summary }),
        incidents = s.Incidents.Select(i => new { week = IsoWeek.Of(i.DeclaredAt).ToString(), id = i.Id, severity = i.Severity.ToString(), title = i.Title, service = i.Service, commander = i.Commander is null ? null : people.NameOf(i.Commander), rootCause = i.RootCause, declaredAt = i.DeclaredAt }),
        up = s.Up is { } up ? new { label = "Up", query = ScoreboardLinks.Query(up, s.Week) } : null,
        drilldowns = s.Drilldowns.Select(d => new { label = d.Label, query = ScoreboardLinks.Query(d.Slice, s.Week) }),
        segments = new { icp = Segments.IcpValues, size = Segments.SizeValues, region = segments.Regions },
        export = "/scoreboard/export.csv?" + ScoreboardLinks.Query(s.Slice, s.Week),
    };

    private static Dictionary<string, string?> Dimensions(Slice slice) => ScoreboardActions.Dimensions(slice).ToDictionary(d => d.Key, d => d.Value);

    private static string Level(FreshnessLevel level) => level.ToString().ToLowerInvariant();
}
