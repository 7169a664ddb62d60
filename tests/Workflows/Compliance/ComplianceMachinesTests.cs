using ExecOps.Tests.Workflows.Machines;
using ExecOps.Workflows.Compliance;
using ExecOps.Workflows.Machines;

namespace ExecOps.Tests.Workflows.Compliance;

/// <summary>Every state × trigger pair of a control's health and of its exceptions, and the guards on an exception's decision.</summary>
public sealed class ComplianceMachinesTests
{
    public static TheoryData<ControlState, ControlTrigger, ControlState?> ControlTable()
    {
        var allowed = new Dictionary<(ControlState, ControlTrigger), ControlState>
        {
            [(ControlState.Healthy, ControlTrigger.Refresh)] = ControlState.Healthy, [(ControlState.Healthy, ControlTrigger.FallStale)] = ControlState.Stale,
            [(ControlState.Healthy, ControlTrigger.Fail)] = ControlState.Failing,
            [(ControlState.Stale, ControlTrigger.Refresh)] = ControlState.Healthy, [(ControlState.Stale, ControlTrigger.FallStale)] = ControlState.Stale,
            [(ControlState.Stale, ControlTrigger.Fail)] = ControlState.Failing,
            [(ControlState.Failing, ControlTrigger.Refresh)] = ControlState.Healthy, [(ControlState.Failing, ControlTrigger.FallStale)] = ControlState.Stale,
            [(ControlState.Failing, ControlTrigger.Fail)] = ControlState.Failing,
            [(ControlState.Excepted, ControlTrigger.Refresh)] = ControlState.Excepted, [(ControlState.Excepted, ControlTrigger.FallStale)] = ControlState.Excepted,
            [(ControlState.Excepted, ControlTrigger.Fail)] = ControlState.Excepted, [(ControlState.Excepted, ControlTrigger.Except)] = ControlState.Excepted,
            [(ControlState.Excepted, ControlTrigger.EndException)] = ControlState.Healthy,
        };
        foreach (var state in new[] { ControlState.Healthy, ControlState.Stale, ControlState.Failing }) allowed[(state, ControlTrigger.Except)] = ControlState.Excepted;
        return MachineTable.Every(allowed);
    }

    [Theory]
    [MemberData(nameof(ControlTable))]
    public void A_control_moves_only_as_its_machine_says(ControlState from, ControlTrigger trigger, ControlState? to) =>
        MachineTable.Holds(ControlMachine.For(new ControlData { State = from }), from, trigger, to);

    [Fact]
    public void Turning_yellow_and_turning_red_each_tell_once_and_staying_so_tells_nobody()
    {
        var control = new ControlData();
        var (stale, red) = (0, 0);
        var machine = ControlMachine.For(control, () => stale++, () => red++);

        foreach (var trigger in new[] { ControlTrigger.FallStale, ControlTrigger.FallStale, ControlTrigger.Fail, ControlTrigger.Fail, ControlTrigger.Refresh, ControlTrigger.Fail })
            machine.Fire(trigger);

        (stale, red).Should().Be((1, 2));
    }

    public static TheoryData<ControlExceptionState, ControlExceptionTrigger, ControlExceptionState?> ExceptionTable() =>
        MachineTable.Every(new Dictionary<(ControlExceptionState, ControlExceptionTrigger), ControlExceptionState>
        {
            [(ControlExceptionState.Requested, ControlExceptionTrigger.Approve)] = ControlExceptionState.Approved,
            [(ControlExceptionState.Requested, ControlExceptionTrigger.Reject)] = ControlExceptionState.Rejected,
            [(ControlExceptionState.Requested, ControlExceptionTrigger.Expire)] = ControlExceptionState.Expired,
            [(ControlExceptionState.Approved, ControlExceptionTrigger.Expire)] = ControlExceptionState.Expired,
            [(ControlExceptionState.Approved, ControlExceptionTrigger.End)] = ControlExceptionState.Ended,
        });

    [Theory]
    [MemberData(nameof(ExceptionTable))]
    public void An_exception_moves_only_as_its_machine_says(ControlExceptionState from, ControlExceptionTrigger trigger, ControlExceptionState? to) =>
        MachineTable.Holds(ControlExceptionMachine.ByTime(new ControlExceptionData { State = from }), from, trigger, to);

    [Theory]
    [InlineData(false, true, ControlExceptionMachine.TheApprover)]
    [InlineData(true, false, ControlExceptionMachine.NotTheRequester)]
    public void Only_the_named_approver_and_never_the_requester_decides_an_exception(bool isApprover, bool isNotRequester, string needed)
    {
        foreach (var trigger in new[] { ControlExceptionTrigger.Approve, ControlExceptionTrigger.Reject })
        {
            var exception = new ControlExceptionData();
            ControlExceptionMachine.For(exception, () => isApprover, () => isNotRequester).Check(trigger).Needs.Should().Equal(needed);
            exception.State.Should().Be(ControlExceptionState.Requested);
        }
    }

    public static TheoryData<DryRunState, DryRunTrigger, DryRunState?> DryRunTable() => MachineTable.Every(new Dictionary<(DryRunState, DryRunTrigger), DryRunState>
    {
        [(DryRunState.Asked, DryRunTrigger.Confirm)] = DryRunState.Confirmed,
        [(DryRunState.Asked, DryRunTrigger.RecordFinding)] = DryRunState.Found,
        [(DryRunState.Found, DryRunTrigger.RecordFinding)] = DryRunState.Found,
    });

    [Theory]
    [MemberData(nameof(DryRunTable))]
    public void A_dry_run_moves_only_as_its_machine_says(DryRunState from, DryRunTrigger trigger, DryRunState? to) =>
        MachineTable.Holds(DryRunMachine.For(new DryRunData { State = from }, () => true), from, trigger, to);

    public static TheoryData<VendorState, VendorTrigger, VendorState?> VendorTable() => MachineTable.Every(new Dictionary<(VendorState, VendorTrigger), VendorState>
    {
        [(VendorState.Active, VendorTrigger.Review)] = VendorState.Active, [(VendorState.Active, VendorTrigger.FallDue)] = VendorState.ReviewDue,
        [(VendorState.Active, VendorTrigger.Offboard)] = VendorState.Offboarded,
        [(VendorState.ReviewDue, VendorTrigger.Review)] = VendorState.Active, [(VendorState.ReviewDue, VendorTrigger.FallDue)] = VendorState.ReviewDue,
        [(VendorState.ReviewDue, VendorTrigger.Offboard)] = VendorState.Offboarded,
        [(VendorState.Offboarded, VendorTrigger.FallDue)] = VendorState.Offboarded,
    });

    [Theory]
    [MemberData(nameof(VendorTable))]
    public void A_vendor_moves_only_as_its_machine_says(VendorState from, VendorTrigger trigger, VendorState? to) =>
        MachineTable.Holds(VendorMachine.For(new VendorData { State = from }), from, trigger, to);
}
