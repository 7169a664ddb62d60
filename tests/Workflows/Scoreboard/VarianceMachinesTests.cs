using ExecOps.Tests.Workflows.Machines;
using ExecOps.Workflows.Scoreboard;
using static ExecOps.Workflows.Scoreboard.PromptState;
using static ExecOps.Workflows.Scoreboard.PromptTrigger;

namespace ExecOps.Tests.Workflows.Scoreboard;

/// <summary>Every state × trigger pair of a commentary prompt and of the week's review that holds the prompts.</summary>
public sealed class VarianceMachinesTests
{
    public static TheoryData<PromptState, PromptTrigger, PromptState?> PromptTable() => MachineTable.Every(new Dictionary<(PromptState, PromptTrigger), PromptState>
    {
        [(Asked, Remind)] = Reminded, [(Asked, Answer)] = Answered,
        [(Reminded, AskBackup)] = BackupAsked, [(Reminded, Answer)] = Answered,
        [(BackupAsked, Answer)] = Answered,
        [(Answered, Answer)] = Answered,
    });

    [Theory]
    [MemberData(nameof(PromptTable))]
    public void A_prompt_moves_only_as_its_machine_says(PromptState from, PromptTrigger trigger, PromptState? to) =>
        MachineTable.Holds(VariancePromptMachine.For(new VariancePrompt { State = from }), from, trigger, to);

    public static TheoryData<ReviewState, ReviewTrigger, ReviewState?> ReviewTable() => MachineTable.Every(new Dictionary<(ReviewState, ReviewTrigger), ReviewState>
    {
        [(ReviewState.Open, ReviewTrigger.Complete)] = ReviewState.Complete,
    });

    [Theory]
    [MemberData(nameof(ReviewTable))]
    public void A_week_is_completed_once(ReviewState from, ReviewTrigger trigger, ReviewState? to) =>
        MachineTable.Holds(VarianceReviewMachine.For(new VarianceReviewData { State = from }), from, trigger, to);
}
