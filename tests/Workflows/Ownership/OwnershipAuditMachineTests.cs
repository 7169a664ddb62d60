using ExecOps.Tests.Workflows.Machines;
using ExecOps.Workflows.Kernel;
using ExecOps.Workflows.Ownership;

namespace ExecOps.Tests.Workflows.Ownership;

public sealed class OwnershipAuditMachineTests
{
    public static TheoryData<OwnershipAuditState, OwnershipAuditTrigger, OwnershipAuditState?> Table() => MachineTable.Every(new Dictionary<(OwnershipAuditState, OwnershipAuditTrigger), OwnershipAuditState>
    {
        [(OwnershipAuditState.Open, OwnershipAuditTrigger.Close)] = OwnershipAuditState.Closed,
    });

    [Theory]
    [MemberData(nameof(Table))]
    public void An_audit_closes_once(OwnershipAuditState from, OwnershipAuditTrigger trigger, OwnershipAuditState? to) =>
        MachineTable.Holds(OwnershipAuditMachine.For(new OwnershipAuditData { State = from }), from, trigger, to);

    [Fact]
    public void An_audit_cannot_close_while_an_owner_has_not_answered_and_says_so()
    {
        var audit = new OwnershipAuditData { Owners = { ["sam"] = new OwnerConfirmation { Owner = "sam", State = PromptState.Reminded } } };
        var machine = OwnershipAuditMachine.For(audit);

        machine.CanFire(OwnershipAuditTrigger.Close, out var unmet).Should().BeFalse();
        unmet.Should().Equal(OwnershipAuditMachine.EveryoneAnswered);

        audit.Owners["sam"].ConfirmedAt = DateTimeOffset.UnixEpoch;
        machine.CanFire(OwnershipAuditTrigger.Close).Should().BeTrue();
    }
}
