using Stateless;
using static ExecOps.Workflows.Kernel.PromptState;
using static ExecOps.Workflows.Kernel.PromptTrigger;

namespace ExecOps.Workflows.Kernel;

/// <summary>A question put to an owner that the owner must answer before a week can close: its state is all the machine needs.</summary>
public interface IPrompt
{
    PromptState State { get; set; }
}

/// <summary>
/// The one place that says what happens to a question put to an owner (seed §2's variance commentary, §9's spend movers):
/// the owner is asked, reminded once, then the backup is asked; anyone asked may answer at any point, and may revise the
/// answer. A reminder that comes after the answer, or twice, finds nothing to do.
/// </summary>
internal static class PromptMachine
{
    public static StateMachine<PromptState, PromptTrigger> For(IPrompt prompt)
    {
        var machine = new StateMachine<PromptState, PromptTrigger>(() => prompt.State, s => prompt.State = s);
        machine.Configure(Asked).Permit(Remind, Reminded).Permit(Answer, Answered);
        machine.Configure(Reminded).Permit(AskBackup, BackupAsked).Permit(Answer, Answered);
        machine.Configure(BackupAsked).Permit(Answer, Answered);
        machine.Configure(Answered).PermitReentry(Answer);
        return machine;
    }

    /// <summary>Fires a reminder's trigger when the prompt still takes it; a reminder after the answer finds nothing to do.</summary>
    public static bool TryFire(IPrompt prompt, PromptTrigger trigger)
    {
        var machine = For(prompt);
        if (!machine.CanFire(trigger)) return false;
        machine.Fire(trigger);
        return true;
    }
}

/// <summary>What a prompt's state means to those who read it.</summary>
public static class PromptStates
{
    extension(IPrompt prompt)
    {
        /// <summary>The owner did not answer in time, so the backup is the one asked now.</summary>
        public bool WithBackup => prompt.State == BackupAsked;
    }
}
