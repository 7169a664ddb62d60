using ExecOps.Tests.Workflows.Machines;
using ExecOps.Workflows.Kernel;
using ExecOps.Workflows.Scoreboard;
using ExecOps.Workflows.Spend;
using static ExecOps.Workflows.Kernel.PromptState;
using static ExecOps.Workflows.Kernel.PromptTrigger;

namespace ExecOps.Tests.Workflows.Scoreboard;

/// <summary>Every state × trigger pair of a prompt (a KPI's commentary, a spend mover's explanation) and of the weeks' reviews that hold them.</summary>
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
    public void A_prompt_moves_only_as_its_machine_says(PromptState from, PromptTrigger trigger, PromptState? to)
    {
        MachineTable.Holds(PromptMachine.For(new VariancePrompt { State = from }), from, trigger, to);
        MachineTable.Holds(PromptMachine.For(new SpendMover { State = from }), from, trigger, to);
    }

    public static TheoryData<VarianceReviewState, VarianceReviewTrigger, VarianceReviewState?> ReviewTable() => MachineTable.Every(new Dictionary<(VarianceReviewState, VarianceReviewTrigger), VarianceReviewState>
    {
        [(VarianceReviewState.Open, VarianceReviewTrigger.Complete)] = VarianceReviewState.Complete,
    });

    [Theory]
    [MemberData(nameof(ReviewTable))]
    public void A_week_is_completed_once(VarianceReviewState from, VarianceReviewTrigger trigger, VarianceReviewState? to) =>
        MachineTable.Holds(VarianceReviewMachine.For(new VarianceReviewData { State = from }), from, trigger, to);

    public static TheoryData<SpendReviewState, SpendReviewTrigger, SpendReviewState?> SpendReviewTable() => MachineTable.Every(new Dictionary<(SpendReviewState, SpendReviewTrigger), SpendReviewState>
    {
        [(SpendReviewState.Open, SpendReviewTrigger.Complete)] = SpendReviewState.Complete,
    });

    [Theory]
    [MemberData(nameof(SpendReviewTable))]
    public void A_spend_week_is_completed_once(SpendReviewState from, SpendReviewTrigger trigger, SpendReviewState? to) =>
        MachineTable.Holds(SpendReviewMachine.For(new SpendReviewData { State = from }), from, trigger, to);
}
