using Stateless;
using static ExecOps.Workflows.Kpis.KpiChangeState;
using static ExecOps.Workflows.Kpis.KpiChangeTrigger;

namespace ExecOps.Workflows.Kpis;

/// <summary>
/// The one place that says what may happen to a KPI definition change: the Governance Council
/// approves or rejects it (never its own proposer), and an approved change takes effect on its date.
/// </summary>
internal static class KpiChangeMachine
{
    public const string NotTheProposer = "a council member other than the proposer";

    public static StateMachine<KpiChangeState, KpiChangeTrigger> For(KpiChangeData change, Func<bool> deciderIsNotProposer)
    {
        var machine = new StateMachine<KpiChangeState, KpiChangeTrigger>(() => change.State, s => change.State = s);
        machine.Configure(Proposed)
            .PermitIf(Approve, Approved, deciderIsNotProposer, NotTheProposer)
            .PermitIf(Reject, Rejected, deciderIsNotProposer, NotTheProposer);
        machine.Configure(Approved)
            .Permit(TakeEffect, Effective);
        return machine;
    }
}

/// <summary>What a KPI change's state means to those who read it.</summary>
public static class KpiChangeStates
{
    extension(KpiChangeData change)
    {
        public bool AwaitsCouncil => change.State == Proposed;
        public bool WasRejected => change.State == Rejected;
    }
}
