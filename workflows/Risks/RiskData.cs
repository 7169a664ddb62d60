namespace ExecOps.Workflows.Risks;

public enum MitigationStatus { Planned, Done }

/// <summary>One action that lowers a risk: who does it, by when, and the evidence it was done.</summary>
public sealed class Mitigation
{
    public int Number { get; set; }
    public string Action { get; set; } = "";
    public string Owner { get; set; } = "";
    public DateOnly Due { get; set; }
    public MitigationStatus Status { get; set; }
    public string? Evidence { get; set; }
    public DateTimeOffset? DoneAt { get; set; }
}

/// <summary>A decision taken on a risk, with the rating it had at that moment (seed §4: logged with who and when).</summary>
public sealed record RiskDecision(DateTimeOffset At, string By, string What, RiskRating RatingThen);

/// <summary>The stored shape of a risk in the register. The state lives here, outside the machine, as a column does.</summary>
public sealed class RiskData
{
    public string Id { get; set; } = "";
    public long Number { get; set; }
    public string Title { get; set; } = "";
    public RiskCategory Category { get; set; }
    public decimal Probability { get; set; }
    public decimal ImpactUsd { get; set; }
    public string CustomerImpact { get; set; } = "";
    public string Owner { get; set; } = "";
    public string Sponsor { get; set; } = "";
    public RiskState State { get; set; } = RiskState.Open;
    public RiskRating Rating { get; set; }
    public DateOnly? NextReview { get; set; }
    public string CreatedBy { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public List<Mitigation> Mitigations { get; set; } = [];
    public List<string> Evidence { get; set; } = [];
    public List<string> Indicators { get; set; } = [];
    public List<AcceptanceData> Acceptances { get; set; } = [];
    public List<EscalationData> Escalations { get; set; } = [];
    public List<RiskDecision> Decisions { get; set; } = [];

    /// <summary>Expected loss: probability × dollar impact, for ordering the top 10.</summary>
    public decimal Exposure => Math.Round(Probability * ImpactUsd, 2);

    public AcceptanceData? OpenAcceptance => Acceptances.LastOrDefault(a => a.IsPending);

    public DateTimeOffset? LastShipped => Mitigations.Where(m => m.DoneAt is not null).Max(m => m.DoneAt);
}
