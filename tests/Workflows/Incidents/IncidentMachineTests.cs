using ExecOps.Workflows.Incidents;
using static ExecOps.Workflows.Incidents.IncidentState;
using static ExecOps.Workflows.Incidents.IncidentTrigger;

namespace ExecOps.Tests.Workflows.Incidents;

/// <summary>Every state against every trigger: the whole transition table, allowed and refused.</summary>
public sealed class IncidentMachineTests
{
    private static readonly IncidentState[] Stored = [Declared, Investigating, Identified, Mitigated, Resolved, Closed];

    /// <summary>Where each allowed trigger leads; an internal transition stays put. Anything not listed is refused.</summary>
    private static readonly Dictionary<(IncidentState, IncidentTrigger), IncidentState> Allowed = new()
    {
        [(Declared, Investigate)] = Investigating, [(Declared, Identify)] = Identified, [(Declared, Mitigate)] = Mitigated, [(Declared, Resolve)] = Resolved,
        [(Investigating, Identify)] = Identified, [(Investigating, Mitigate)] = Mitigated, [(Investigating, Resolve)] = Resolved,
        [(Identified, Investigate)] = Investigating, [(Identified, Mitigate)] = Mitigated, [(Identified, Resolve)] = Resolved,
        [(Mitigated, Investigate)] = Investigating, [(Mitigated, Resolve)] = Resolved,
        [(Resolved, Reopen)] = Investigating,
    };

    private static readonly IncidentTrigger[] ActiveBookkeeping = [PostUpdate, ChangeSeverity, AssignRole, MissUpdate, AttachEvent];
    private static readonly IncidentTrigger[] ResolvedBookkeeping = [RecordPostmortem, PostUpdate, ChangeSeverity, AssignRole];

    public static TheoryData<IncidentState, IncidentTrigger> EveryPair()
    {
        var data = new TheoryData<IncidentState, IncidentTrigger>();
        foreach (var state in Stored)
            foreach (var trigger in Enum.GetValues<IncidentTrigger>())
                data.Add(state, trigger);
        return data;
    }

    [Theory]
    [MemberData(nameof(EveryPair))]
    public void Each_trigger_is_allowed_or_refused_exactly_as_the_table_says(IncidentState state, IncidentTrigger trigger)
    {
        var data = new IncidentData { Id = "INC-1", State = state };
        var machine = IncidentMachine.For(data, IncidentBuilder.Start);

        var internalHere = state == Resolved ? ResolvedBookkeeping.Contains(trigger) : state != Closed && ActiveBookkeeping.Contains(trigger);
        var ignoredHere = trigger == AttachEvent && state is Resolved or Closed;
        if (Allowed.TryGetValue((state, trigger), out var destination))
        {
            machine.Fire(trigger).Destination.Should().Be(destination);
            data.State.Should().Be(destination);
        }
        else if (internalHere || ignoredHere)
        {
            machine.Fire(trigger);
            data.State.Should().Be(state);
        }
        else
        {
            var check = machine.Check(trigger);
            check.IsAllowed.Should().BeFalse($"{trigger} must be refused while {state}");
            check.Reasons.Should().NotBeEmpty();
            data.State.Should().Be(state);
        }
    }

    [Fact]
    public void Closing_without_a_systemic_prevention_item_is_refused_with_the_reason()
    {
        var data = new IncidentData { Id = "INC-1", State = Resolved, Postmortem = new Postmortem { Prevention = [new("restart the pod", false)] } };
        var machine = IncidentMachine.For(data, IncidentBuilder.Start);

        var check = machine.Check(Close);

        check.IsAllowed.Should().BeFalse();
        check.Reasons.Should().Equal(IncidentMachine.PostmortemGuard);
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
    public void Resolving_stamps_the_resolution_time_for_MTTR()
    {
        var data = new IncidentData { Id = "INC-1", State = Investigating };

        IncidentMachine.For(data, IncidentBuilder.Start.AddMinutes(42)).Fire(Resolve);

        data.ResolvedAt.Should().Be(IncidentBuilder.Start.AddMinutes(42));
    }
}
