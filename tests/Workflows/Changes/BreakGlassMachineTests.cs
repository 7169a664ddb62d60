using ExecOps.Tests.Workflows.Machines;
using ExecOps.Workflows.Changes;

namespace ExecOps.Tests.Workflows.Changes;

/// <summary>Every state × trigger pair of an emergency access grant.</summary>
public sealed class BreakGlassMachineTests
{
    public static TheoryData<BreakGlassState, BreakGlassTrigger, BreakGlassState?> Table() => MachineTable.Every(new Dictionary<(BreakGlassState, BreakGlassTrigger), BreakGlassState>
    {
        [(BreakGlassState.Active, BreakGlassTrigger.Expire)] = BreakGlassState.Expired,
    });

    [Theory]
    [MemberData(nameof(Table))]
    public void A_grant_expires_once(BreakGlassState from, BreakGlassTrigger trigger, BreakGlassState? to) =>
        MachineTable.Holds(BreakGlassMachine.For(new BreakGlassData { State = from }), from, trigger, to);
}
