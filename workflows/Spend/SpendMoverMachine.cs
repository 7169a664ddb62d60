using Stateless;
using static ExecOps.Workflows.Spend.SpendMoverState;
using static ExecOps.Workflows.Spend.SpendMoverTrigger;

namespace ExecOps.Workflows.Spend;

/// <summary>
/// The one place that says what happens to a mover's question: its owner is asked, reminded once, then the backup is
/// asked; anyone asked may explain at any point and revise the explanation. A reminder after the answer finds nothing to do.
/// </summary>
internal static class SpendMoverMachine
{
    public static StateMachine<SpendMoverState, SpendMoverTrigger> For(SpendMover mover)
    {
        var machine = new StateMachine<SpendMoverState, SpendMoverTrigger>(() => mover.State, s => mover.State = s);
        machine.Configure(Asked).Permit(Remind, Reminded).Permit(Explain, Explained);
        machine.Configure(Reminded).Permit(AskBackup, BackupAsked).Permit(Explain, Explained);
        machine.Configure(BackupAsked).Permit(Explain, Explained);
        machine.Configure(Explained).PermitReentry(Explain);
        return machine;
    }
}

/// <summary>What a mover's state means to those who read it.</summary>
public static class MoverStates
{
    extension(SpendMover mover)
    {
        public bool WithBackup => mover.State == BackupAsked;
    }
}
