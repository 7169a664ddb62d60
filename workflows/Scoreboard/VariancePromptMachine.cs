using ExecOps.Workflows.StateMachines;
using static ExecOps.Workflows.Scoreboard.PromptState;
using static ExecOps.Workflows.Scoreboard.PromptTrigger;

namespace ExecOps.Workflows.Scoreboard;

/// <summary>
/// The one place that says what happens to a commentary prompt: the owner is asked, reminded once,
/// then the backup owner is asked; anyone asked may answer at any point, and may revise the answer.
/// </summary>
public static class VariancePromptMachine
{
    public static StateMachine<PromptState, PromptTrigger> For(VariancePrompt prompt)
    {
        var machine = new StateMachine<PromptState, PromptTrigger>(() => prompt.State, s => prompt.State = s);
        machine.Configure(Asked).Permit(Remind, Reminded).Permit(Answer, Answered);
        machine.Configure(Reminded).Permit(AskBackup, BackupAsked).Permit(Answer, Answered);
        machine.Configure(BackupAsked).Permit(Answer, Answered);
        machine.Configure(Answered).PermitReentry(Answer).Ignore(Remind).Ignore(AskBackup);
        return machine;
    }
}
