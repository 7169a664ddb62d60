namespace ExecOps.Workflows.Risks;

/// <summary>What a person asked of the risk register, parsed from the command grammar or a form.</summary>
public abstract record RiskRequest;

/// <summary>`/risk add` without everything it needs: the form opens, saying what is missing.</summary>
public sealed record OpenRiskForm(IReadOnlyList<string> Missing) : RiskRequest;

public sealed record AddRisk(string Title, RiskCategory Category, decimal Probability, decimal ImpactUsd, string CustomerImpact, string? Owner, string? Sponsor, DateOnly? Review) : RiskRequest;
public sealed record ShowTopRisks : RiskRequest;
public sealed record ShowRisk(string RiskId) : RiskRequest;
public sealed record ShowRiskReview : RiskRequest;

/// <summary>A card asks for itself as it now stands: one of the risk's acceptances or escalations (<paramref name="About"/>), or the risk.</summary>
public sealed record RefreshRiskCard(string RiskId, string? About, int Number) : RiskRequest;
public sealed record AddMitigation(string RiskId, string Action, string? Owner, DateOnly Due) : RiskRequest;
public sealed record ShipMitigation(string RiskId, int Mitigation, string Evidence) : RiskRequest;
public sealed record LinkEvidence(string RiskId, string? Evidence, IReadOnlyList<string> Indicators) : RiskRequest;
public sealed record RestateRisk(string RiskId, decimal? Probability, decimal? ImpactUsd, string? CustomerImpact) : RiskRequest;
public sealed record AskAcceptance(string RiskId, DateOnly Until, string Reason) : RiskRequest;
public sealed record CloseRisk(string RiskId, DateOnly Review) : RiskRequest;
public sealed record ReopenRisk(string RiskId) : RiskRequest;

/// <summary>A request from a card carries the version its reader saw; one that changed since is refused.</summary>
public abstract record RiskCardRequest(string RiskId, long? Seen) : RiskRequest;

public sealed record DecideAcceptance(string RiskId, int Number, bool Approve, string? Note, long? Seen) : RiskCardRequest(RiskId, Seen);
public sealed record DecideEscalation(string RiskId, int Number, EscalationDecision Decision, DateOnly? Date, string? Note, string? ReassignTo, long? Seen) : RiskCardRequest(RiskId, Seen);

/// <summary>A decision from a weekly review item card, answered with that item card as it now stands.</summary>
public sealed record ReviewDecision(string RiskId, ReviewChoice Choice, DateOnly? Date, string? Reason, string? Note, long? Seen) : RiskCardRequest(RiskId, Seen);

public enum ReviewChoice { Accept, Escalate, Fund, Close }
