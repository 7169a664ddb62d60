using ExecOps.Tests.Workflows.Machines;
using ExecOps.Workflows.Resilience;

namespace ExecOps.Tests.Workflows.Resilience;

public sealed class GameDayMachineTests
{
    public static TheoryData<GameDayState, GameDayTrigger, GameDayState?> Table() => MachineTable.Every(new Dictionary<(GameDayState, GameDayTrigger), GameDayState>
    {
        [(GameDayState.Planned, GameDayTrigger.Pass)] = GameDayState.Passed,
        [(GameDayState.Planned, GameDayTrigger.Fail)] = GameDayState.Failed,
    });

    [Theory]
    [MemberData(nameof(Table))]
    public void A_game_day_is_recorded_once(GameDayState from, GameDayTrigger trigger, GameDayState? to) =>
        MachineTable.Holds(GameDayMachine.For(new GameDayData { State = from }, () => true), from, trigger, to);

    [Fact]
    public void Someone_who_may_not_record_it_is_refused_naming_who_may()
    {
        GameDayMachine.For(new GameDayData(), () => false).CanFire(GameDayTrigger.Fail, out var unmet).Should().BeFalse();
        unmet.Should().Equal(GameDayMachine.Recorders);
    }

    [Theory]
    [InlineData(true, 60, 5, true)]
    [InlineData(true, 61, 5, false)]
    [InlineData(true, 30, 6, false)]
    [InlineData(false, 10, 0, false)]
    public void A_DR_drill_meets_its_targets_only_when_it_passed_within_the_RTO_and_the_RPO(bool passed, int recovery, int loss, bool met) =>
        new DrDrill(DateTimeOffset.UnixEpoch, "sam", passed, TimeSpan.FromMinutes(recovery), TimeSpan.FromMinutes(loss), "", null)
            .Met(TimeSpan.FromMinutes(60), TimeSpan.FromMinutes(5)).Should().Be(met);
}
