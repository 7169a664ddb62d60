using Stateless;
using static ExecOps.Workflows.Scoreboard.VariancePromptState;
using static ExecOps.Workflows.Scoreboard.VariancePromptTrigger;

namespace ExecOps.Workflows.Scoreboard;

/// <summary>
/// The one place that says what happens to a commentary prompt: the owner is asked, reminded once,
/// then the backup owner is asked; anyone asked may answer at any point, and may revise the answer.
/// A reminder that comes after the answer, or twice, finds nothing to do.
/// </summary>
internal static class VariancePromptMachine
{
    public static StateMachine<VariancePromptState, VariancePromptTrigger> For(VariancePrompt prompt)
    {
        var machine = new StateMachine<VariancePromptState, VariancePromptTrigger>(() => prompt.State, s => prompt.State = s);
        machine.Configure(Asked).Permit(Remind, Reminded).Permit(Answer, Answered);
        machine.Configure(Reminded).Permit(AskBackup, BackupAsked).Permit(Answer, Answered);
        machine.Configure(BackupAsked).Permit(Answer, Answered);
        machine.Configure(Answered).PermitReentry(Answer);
        return machine;
    }
}

/// <summary>What a prompt's state means to those who read it.</summary>
public static class PromptStates
{
    extension(VariancePrompt prompt)
    {
        /// <summary>The owner did not answer in time, so the backup owner is the one asked now.</summary>
        public bool WithBackup => prompt.State == BackupAsked;
    }
}
