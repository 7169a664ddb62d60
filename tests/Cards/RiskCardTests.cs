using ExecOps.Cards;
using ExecOps.Cards.Risks;
using ExecOps.Tests.Support;
using ExecOps.Workflows.Risks;

namespace ExecOps.Tests.Cards;

/// <summary>The register's cards at their fullest, against the official Adaptive Card schema and Slack's Block Kit limits.</summary>
public sealed class RiskCardTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 9, 0, 0, TimeSpan.Zero);
    private static readonly RiskSettings Settings = new();

    private static Risk Fullest()
    {
        var long_ = new string('x', 600);
        var data = new RiskData
        {
            Id = "RISK-7", Number = 7, Title = "Payment provider outage " + long_[..150], Category = RiskCategory.Vendor, Probability = 0.6m, ImpactUsd = 2_000_000,
            CustomerImpact = long_, Owner = "alice", Sponsor = "dana", Rating = RiskRating.Critical, NextReview = new DateOnly(2026, 12, 1),
            Mitigations = Enumerable.Range(1, 30).Select(i => new Mitigation { Number = i, Action = $"Action {i} {long_[..200]}", Owner = "sam", Due = new DateOnly(2026, 12, 1), Status = i % 2 == 0 ? MitigationStatus.Done : MitigationStatus.Planned, DoneAt = Now, Evidence = "INC-4" }).ToList(),
            Acceptances = [new AcceptanceData { Number = 1, RequestedBy = "alice", RequestedAt = Now, Until = new DateOnly(2027, 1, 1), Reason = long_ }],
            Escalations = [new EscalationData { Number = 1, Reason = long_, Mitigation = 1, RaisedAt = Now }, new EscalationData { Number = 2, Reason = "red", RaisedAt = Now, State = EscalationState.Decided, Decision = EscalationDecision.Fund, DecidedBy = "dana", DecidedAt = Now, Detail = "funded: $50k" }],
            Decisions = Enumerable.Range(1, 20).Select(i => new RiskDecision(Now, "dana", $"decision {i} {long_[..100]}", RiskRating.High)).ToList(),
        };
        return new Risk(data, 3, Settings, Now);
    }

    private static IEnumerable<(string Name, Card Card)> Cards()
    {
        var risk = Fullest();
        yield return ("risk", RiskCard.Build(risk, TestCatalog.People, e => e));
        yield return ("acceptance", AcceptanceCard.Build(risk, risk.Data.Acceptances[0], TestCatalog.People));
        yield return ("open escalation", EscalationCard.Build(risk, risk.Data.Escalations[0], TestCatalog.People));
        yield return ("decided escalation", EscalationCard.Build(risk, risk.Data.Escalations[1], TestCatalog.People));
        yield return ("top", RiskTopCard.Build(Enumerable.Repeat(risk.Data, 10).ToList(), TestCatalog.People));
        yield return ("empty top", RiskTopCard.Build([], TestCatalog.People));
        yield return ("new risk form", NewRiskCard.Build("Missing: a title."));
        var agenda = Enumerable.Range(0, 12).Select(_ => new AgendaItem(risk.Data, RiskAgenda.Reasons(risk.Data, new DateOnly(2027, 6, 1)))).ToList();
        yield return ("review agenda", RiskReviewCards.Agenda(agenda, new DateOnly(2026, 11, 23), TestCatalog.People));
        yield return ("review item", RiskReviewCards.Item(risk, agenda[0].Reasons, TestCatalog.People));
    }

    [Fact]
    public void Every_risk_card_is_a_valid_Adaptive_Card_1_5() => CardChecks.SchemaFaults(Cards()).Should().BeEmpty();

    [Fact]
    public void Every_risk_card_is_within_Slacks_Block_Kit_limits() => CardChecks.BlockKitFaults(Cards()).Should().BeEmpty();
}
