using ExecOps.Tests.Workflows.Machines;
using ExecOps.Workflows.Changes;

namespace ExecOps.Tests.Workflows.Changes;

/// <summary>Every state × trigger pair of an emergency access grant.</summary>
public sealed class BreakGlassMachineTests
{
    public static TheoryData<GrantState, GrantTrigger, GrantState?> Table() => MachineTable.Every(new Dictionary<(GrantState, GrantTrigger), GrantState>
    {
        [(GrantState.Active, GrantTrigger.Expire)] = GrantState.Expired,
    });

    [Theory]
    [MemberData(nameof(Table))]
    public void A_grant_expires_once(GrantState from, GrantTrigger trigger, GrantState? to) =>
        MachineTable.Holds(BreakGlassMachine.For(new BreakGlassData { State = from }), from, trigger, to);
}
