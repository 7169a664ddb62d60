using ExecOps.Tests.Workflows.Machines;
using ExecOps.Workflows.Machines;
using ExecOps.Workflows.Risks;

namespace ExecOps.Tests.Workflows.Risks;

/// <summary>Every state × trigger pair of the three machines of a risk: the risk itself, its acceptances and its escalations.</summary>
public sealed class RiskMachinesTests
{
    public static TheoryData<RiskState, RiskTrigger, RiskState?> RiskTable()
    {
        var allowed = new Dictionary<(RiskState, RiskTrigger), RiskState>
        {
            [(RiskState.Open, RiskTrigger.Accept)] = RiskState.Accepted, [(RiskState.Open, RiskTrigger.ReturnToReview)] = RiskState.Open,
            [(RiskState.Open, RiskTrigger.Close)] = RiskState.Closed,
            [(RiskState.Accepted, RiskTrigger.Accept)] = RiskState.Accepted, [(RiskState.Accepted, RiskTrigger.ReturnToReview)] = RiskState.Open,
            [(RiskState.Accepted, RiskTrigger.Close)] = RiskState.Closed,
            [(RiskState.Closed, RiskTrigger.Reopen)] = RiskState.Open, [(RiskState.Closed, RiskTrigger.ReturnToReview)] = RiskState.Closed,
        };
        foreach (var state in new[] { RiskState.Open, RiskState.Accepted })
            foreach (var work in new[] { RiskTrigger.Mitigate, RiskTrigger.Link, RiskTrigger.Update, RiskTrigger.RequestAcceptance })
                allowed[(state, work)] = state;
        return MachineTable.Every(allowed);
    }

    [Theory]
    [MemberData(nameof(RiskTable))]
    public void A_risk_moves_only_as_its_machine_says(RiskState from, RiskTrigger trigger, RiskState? to) =>
        MachineTable.Holds(RiskMachine.For(new RiskData { State = from, NextReview = new DateOnly(2027, 1, 10) }), from, trigger, to);

    [Theory]
    [InlineData(RiskState.Open)]
    [InlineData(RiskState.Accepted)]
    public void Closing_a_risk_without_a_next_review_date_is_refused_naming_it(RiskState from)
    {
        var risk = new RiskData { State = from };

        RiskMachine.For(risk).Check(RiskTrigger.Close).Needs.Should().Equal(RiskMachine.ReviewDateSet);
        risk.State.Should().Be(from);
    }

    public static TheoryData<AcceptanceState, AcceptanceTrigger, AcceptanceState?> AcceptanceTable() => MachineTable.Every(new Dictionary<(AcceptanceState, AcceptanceTrigger), AcceptanceState>
    {
        [(AcceptanceState.Requested, AcceptanceTrigger.Approve)] = AcceptanceState.Approved,
        [(AcceptanceState.Requested, AcceptanceTrigger.Reject)] = AcceptanceState.Rejected,
        [(AcceptanceState.Requested, AcceptanceTrigger.End)] = AcceptanceState.Ended,
        [(AcceptanceState.Approved, AcceptanceTrigger.Expire)] = AcceptanceState.Expired,
        [(AcceptanceState.Approved, AcceptanceTrigger.End)] = AcceptanceState.Ended,
    });

    [Theory]
    [MemberData(nameof(AcceptanceTable))]
    public void An_acceptance_moves_only_as_its_machine_says(AcceptanceState from, AcceptanceTrigger trigger, AcceptanceState? to) =>
        MachineTable.Holds(AcceptanceMachine.For(new AcceptanceData { State = from }, () => true), from, trigger, to);

    [Theory]
    [InlineData(AcceptanceTrigger.Approve)]
    [InlineData(AcceptanceTrigger.Reject)]
    public void The_requester_cannot_decide_their_own_acceptance(AcceptanceTrigger trigger)
    {
        var acceptance = new AcceptanceData();

        AcceptanceMachine.For(acceptance, () => false).Check(trigger).Needs.Should().Equal(AcceptanceMachine.NotTheRequester);
        acceptance.State.Should().Be(AcceptanceState.Requested);
    }

    public static TheoryData<EscalationState, EscalationTrigger, EscalationState?> EscalationTable() => MachineTable.Every(new Dictionary<(EscalationState, EscalationTrigger), EscalationState>
    {
        [(EscalationState.WithSponsor, EscalationTrigger.Raise)] = EscalationState.WithCeo,
        [(EscalationState.WithSponsor, EscalationTrigger.Decide)] = EscalationState.Decided,
        [(EscalationState.WithCeo, EscalationTrigger.Decide)] = EscalationState.Decided,
    });

    [Theory]
    [MemberData(nameof(EscalationTable))]
    public void An_escalation_moves_only_as_its_machine_says(EscalationState from, EscalationTrigger trigger, EscalationState? to) =>
        MachineTable.Holds(EscalationMachine.For(new EscalationData { State = from }, Deciders(sponsor: true, ceo: false)), from, trigger, to);

    [Fact]
    public void Only_the_sponsor_side_decides_until_it_goes_up_and_then_the_ceo_may_too()
    {
        var escalation = new EscalationData();
        var ceo = EscalationMachine.For(escalation, Deciders(sponsor: false, ceo: true));

        ceo.Check(EscalationTrigger.Decide).Needs.Should().Equal("RISK-1's sponsor (dana) or a delegate may decide");
        ceo.Fire(EscalationTrigger.Raise);
        ceo.CanFire(EscalationTrigger.Decide).Should().BeTrue();
        EscalationMachine.For(escalation, Deciders(sponsor: false, ceo: false)).Check(EscalationTrigger.Decide).Needs
            .Should().Equal("RISK-1's sponsor (dana) or a delegate may decide, or ceo now that it went up");
    }

    private static EscalationDeciders Deciders(bool sponsor, bool ceo) => new("RISK-1's sponsor (dana) or a delegate may decide", "ceo", () => sponsor, () => ceo);
}
