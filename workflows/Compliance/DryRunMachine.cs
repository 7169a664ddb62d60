using Stateless;
using static ExecOps.Workflows.Compliance.DryRunState;
using static ExecOps.Workflows.Compliance.DryRunTrigger;

namespace ExecOps.Workflows.Compliance;

/// <summary>
/// The one place that says how a control's dry run goes: its owner (or backup) confirms the control works as
/// written, or records a finding; after a finding more findings may follow, but no confirmation that quarter.
/// </summary>
internal static class DryRunMachine
{
    public const string AnOwner = "the control's owner or its backup";

    public static StateMachine<DryRunState, DryRunTrigger> For(DryRunData run, Func<bool> answererOwnsIt)
    {
        var machine = new StateMachine<DryRunState, DryRunTrigger>(() => run.State, s => run.State = s);
        machine.Configure(Asked)
            .PermitIf(Confirm, Confirmed, answererOwnsIt, AnOwner)
            .PermitIf(RecordFinding, Found, answererOwnsIt, AnOwner);
        machine.Configure(Found)
            .InternalTransitionIf(RecordFinding, _ => answererOwnsIt(), _ => { }, AnOwner);
        return machine;
    }
}

/// <summary>What a dry run's state means to those who read it.</summary>
public static class DryRunStates
{
    extension(DryRunData run)
    {
        public bool IsUnanswered => run.State == Asked;
    }
}
