namespace ExecOps.Workflows.Resilience;

/// <summary>The stored shape of a game day in the catalog (seed §13: a game-day catalog with exec participation).</summary>
public sealed class GameDayData
{
    public string Id { get; set; } = "";
    public long Number { get; set; }
    public string Name { get; set; } = "";
    public string Service { get; set; } = "";
    public string Scenario { get; set; } = "";
    public DateOnly On { get; set; }
    public GameDayState State { get; set; } = GameDayState.Planned;
    public string AddedBy { get; set; } = "";
    public string? RecordedBy { get; set; }
    public DateTimeOffset? RecordedAt { get; set; }
    public string? Notes { get; set; }

    /// <summary>Who took part; the execs among them are counted on the scorecard.</summary>
    public List<string> Participants { get; set; } = [];
    public string? RaisedRisk { get; set; }
}

/// <summary>One disaster-recovery drill of a Tier 0/1 entry: the recovery time measured against its RTO, and the data lost against its RPO.</summary>
public sealed record DrDrill(DateTimeOffset At, string By, bool Passed, TimeSpan Recovery, TimeSpan? DataLoss, string Notes, string? RaisedRisk)
{
    public bool Met(TimeSpan? rto, TimeSpan? rpo) => Passed && (rto is null || Recovery <= rto) && (rpo is null || DataLoss is null || DataLoss <= rpo);
}

/// <summary>The stored DR drill history of one entry.</summary>
public sealed class DrHistory
{
    public string Entry { get; set; } = "";
    public List<DrDrill> Drills { get; set; } = [];
}
