using ExecOps.Tests.Workflows.Machines;
using ExecOps.Workflows.Incidents;
using ExecOps.Workflows.Machines;
using static ExecOps.Workflows.Incidents.IncidentState;
using static ExecOps.Workflows.Incidents.IncidentTrigger;

namespace ExecOps.Tests.Workflows.Incidents;

/// <summary>Every state against every trigger: the whole transition table, allowed and refused.</summary>
public sealed class IncidentMachineTests
{
    private static readonly IncidentTrigger[] ActiveBookkeeping = [PostUpdate, ChangeSeverity, AssignRole, MissUpdate, AttachEvent, PublishStatus];
    private static readonly IncidentTrigger[] ResolvedBookkeeping = [RecordPostmortem, PostUpdate, ChangeSeverity, AssignRole, PublishStatus];

    public static TheoryData<IncidentState, IncidentTrigger, IncidentState?> EveryPair()
    {
        var allowed = new Dictionary<(IncidentState, IncidentTrigger), IncidentState>
        {
            [(Declared, Investigate)] = Investigating, [(Declared, Identify)] = Identified, [(Declared, Mitigate)] = Mitigated, [(Declared, Resolve)] = Resolved,
            [(Investigating, Identify)] = Identified, [(Investigating, Mitigate)] = Mitigated, [(Investigating, Resolve)] = Resolved,
            [(Identified, Investigate)] = Investigating, [(Identified, Mitigate)] = Mitigated, [(Identified, Resolve)] = Resolved,
            [(Mitigated, Investigate)] = Investigating, [(Mitigated, Resolve)] = Resolved,
            [(Resolved, Reopen)] = Investigating,
        };
        foreach (var state in new[] { Declared, Investigating, Identified, Mitigated })
            foreach (var trigger in ActiveBookkeeping) allowed[(state, trigger)] = state;
        foreach (var trigger in ResolvedBookkeeping) allowed[(Resolved, trigger)] = Resolved;
        return MachineTable.Every(allowed, Declared, Investigating, Identified, Mitigated, Resolved, Closed);
    }

    [Theory]
    [MemberData(nameof(EveryPair))]
    public void Each_trigger_is_allowed_or_refused_exactly_as_the_table_says(IncidentState from, IncidentTrigger trigger, IncidentState? to) =>
        MachineTable.Holds(IncidentMachine.For(new IncidentData { Id = "INC-1", State = from }, IncidentBuilder.Start), from, trigger, to);

    [Fact]
    public void Closing_without_a_systemic_prevention_item_is_refused_with_the_reason()
    {
        var data = new IncidentData { Id = "INC-1", State = Resolved, Postmortem = new Postmortem { Prevention = [new("restart the pod", false)] } };
        var machine = IncidentMachine.For(data, IncidentBuilder.Start);

        var check = machine.Check(Close);

        check.IsAllowed.Should().BeFalse();
        check.Needs.Should().Equal(IncidentMachine.PostmortemGuard);
        data.State.Should().Be(Resolved);
    }

    [Fact]
    public void Closing_with_a_systemic_prevention_item_is_allowed_and_stamps_the_time()
    {
        var data = new IncidentData { Id = "INC-1", State = Resolved, Postmortem = new Postmortem { Prevention = [new("config validation in CI", true)] } };

        IncidentMachine.For(data, IncidentBuilder.Start).Fire(Close);

        data.State.Should().Be(Closed);
        data.ClosedAt.Should().Be(IncidentBuilder.Start);
    }

    [Fact]
    public void A_missed_update_counts_up_only_while_the_incident_is_active()
    {
        var data = new IncidentData { Id = "INC-1", State = Mitigated };

        IncidentMachine.For(data, IncidentBuilder.Start).Fire(MissUpdate);

        data.MissedUpdates.Should().Be(1);
        IncidentMachine.For(new IncidentData { State = Resolved }, IncidentBuilder.Start).CanFire(MissUpdate).Should().BeFalse();
    }

    [Fact]
    public void Resolving_stamps_the_resolution_time_and_starts_the_postmortem_clock_once()
    {
        var data = new IncidentData { Id = "INC-1", State = Investigating };
        var clocks = 0;
        var machine = IncidentMachine.For(data, IncidentBuilder.Start.AddMinutes(42), resolved: () => clocks++);

        machine.Fire(Resolve);
        machine.Fire(PostUpdate);

        data.ResolvedAt.Should().Be(IncidentBuilder.Start.AddMinutes(42));
        clocks.Should().Be(1, "an internal transition in Resolved does not enter it again");
    }

    [Fact]
    public void Mitigating_twice_keeps_the_first_mitigation_time()
    {
        var data = new IncidentData { Id = "INC-1", State = Mitigated, MitigatedAt = IncidentBuilder.Start };
        var machine = IncidentMachine.For(data, IncidentBuilder.Start.AddHours(1));

        machine.Fire(Investigate);
        machine.Fire(Mitigate);

        data.MitigatedAt.Should().Be(IncidentBuilder.Start);
    }
}
