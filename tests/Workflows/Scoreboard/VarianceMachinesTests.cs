using ExecOps.Tests.Workflows.Machines;
using ExecOps.Workflows.Scoreboard;
using static ExecOps.Workflows.Scoreboard.VariancePromptState;
using static ExecOps.Workflows.Scoreboard.VariancePromptTrigger;

namespace ExecOps.Tests.Workflows.Scoreboard;

/// <summary>Every state × trigger pair of a commentary prompt and of the week's review that holds the prompts.</summary>
public sealed class VarianceMachinesTests
{
    public static TheoryData<VariancePromptState, VariancePromptTrigger, VariancePromptState?> PromptTable() => MachineTable.Every(new Dictionary<(VariancePromptState, VariancePromptTrigger), VariancePromptState>
    {
        [(Asked, Remind)] = Reminded, [(Asked, Answer)] = Answered,
        [(Reminded, AskBackup)] = BackupAsked, [(Reminded, Answer)] = Answered,
        [(BackupAsked, Answer)] = Answered,
        [(Answered, Answer)] = Answered,
    });

    [Theory]
    [MemberData(nameof(PromptTable))]
    public void A_prompt_moves_only_as_its_machine_says(VariancePromptState from, VariancePromptTrigger trigger, VariancePromptState? to) =>
        MachineTable.Holds(VariancePromptMachine.For(new VariancePrompt { State = from }), from, trigger, to);

    public static TheoryData<VarianceReviewState, VarianceReviewTrigger, VarianceReviewState?> ReviewTable() => MachineTable.Every(new Dictionary<(VarianceReviewState, VarianceReviewTrigger), VarianceReviewState>
    {
        [(VarianceReviewState.Open, VarianceReviewTrigger.Complete)] = VarianceReviewState.Complete,
    });

    [Theory]
    [MemberData(nameof(ReviewTable))]
    public void A_week_is_completed_once(VarianceReviewState from, VarianceReviewTrigger trigger, VarianceReviewState? to) =>
        MachineTable.Holds(VarianceReviewMachine.For(new VarianceReviewData { State = from }), from, trigger, to);
}
