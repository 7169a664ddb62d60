namespace ExecOps.Tests.Browser;

/// <summary>What tests/chromium/scoreboard.mjs saw: the page a link opened, the page a drilldown led to, and a refused link.</summary>
public sealed record ScoreboardVisit(ScoreboardSight Page, ScoreboardSight? Drilldown, SignInRefusal? Refused, IReadOnlyList<string> Errors);

/// <summary>One view of the page as drawn; <see cref="Statuses"/> maps each KPI's id to its card's colour.</summary>
public sealed record ScoreboardSight(
    string Url, string View, string Viewer, BannerSight Banner, IReadOnlyList<string> Kpis, IReadOnlyDictionary<string, string> Statuses,
    int ChartsDrawn, IReadOnlyList<string> Drilldowns, IReadOnlyList<string> Commentary, IReadOnlyList<string> Markers, string Hidden);

public sealed record BannerSight(string Level, string Text);

public sealed record SignInRefusal(int Status, string Message);
