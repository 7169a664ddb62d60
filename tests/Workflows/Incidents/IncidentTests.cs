using ExecOps.Workflows;
using ExecOps.Workflows.Incidents;
using ExecOps.Workflows.People;
using static ExecOps.Tests.Workflows.Incidents.IncidentBuilder;

namespace ExecOps.Tests.Workflows.Incidents;

public sealed class IncidentTests
{
    [Fact]
    public void Declaring_makes_the_declarer_commander_and_sets_the_first_update_due_by_severity()
    {
        var incident = Declared(Severity.Sev2);

        incident.Id.Should().Be("INC-7");
        incident.Data.Commander.Should().Be("alice");
        incident.Data.NextUpdateDue.Should().Be(Start.AddHours(1));
        incident.Data.Room.Should().Be("inc-7-checkout-5xx");
        incident.Outgoing.Should().ContainSingle(n => n.To.Address == "#incidents" && n.About == null, "the announcement is a one-line notice")
            .Which.Text.Should().Contain("INC-7 declared").And.Contain("#inc-7-checkout-5xx");
        incident.Outgoing.Should().ContainSingle(n => n.To.Address == "#inc-7-checkout-5xx")
            .Which.Members.Should().Equal("alice");
        incident.Events.Should().ContainSingle(e => e.Kind == "declared");
    }

    [Fact]
    public void A_Sev4_owes_no_updates()
    {
        var incident = Declared(Severity.Sev4);

        incident.Data.NextUpdateDue.Should().BeNull();
        incident.UpdateReminderDue.Should().BeNull();
    }

    [Fact]
    public void A_title_over_200_characters_is_refused()
    {
        var declare = () => Incident.Declare(1, new string('x', 201), Severity.Sev2, null, null, Actor.For(Alice), Settings(), Start);

        declare.Should().Throw<RefusedException>().WithMessage("*201 characters*200*");
    }

    [Fact]
    public void A_stranger_cannot_declare()
    {
        var declare = () => IncidentPolicy.EnsureCanDeclare(Actor.Stranger("U999"));

        declare.Should().Throw<RefusedException>().Which.Kind.Should().Be(RefusalKind.Forbidden);
    }

    [Fact]
    public void Posting_an_update_resets_the_cadence_from_the_time_of_the_update()
    {
        var incident = At(In(IncidentState.Investigating), Start.AddMinutes(20));

        incident.PostUpdate(Actor.For(Alice), "Failover started");

        incident.Data.LastUpdate.Should().Be("Failover started");
        incident.Data.NextUpdateDue.Should().Be(Start.AddMinutes(50));
        incident.Data.MissedUpdates.Should().Be(0);
    }

    [Fact]
    public void Changing_severity_recomputes_the_cadence()
    {
        var incident = In(IncidentState.Investigating);

        incident.ChangeSeverity(Actor.For(Alice), Severity.Sev3);

        incident.Data.Severity.Should().Be(Severity.Sev3);
        incident.Data.NextUpdateDue.Should().Be(Start.AddHours(4));
        incident.Events.Should().Contain(e => e.Kind == "severity" && e.Text == "Sev1 → Sev3");
    }

    [Fact]
    public void The_first_missed_update_reminds_the_commander_and_the_second_tells_the_exec_on_call()
    {
        var first = At(In(IncidentState.Investigating), Start.AddMinutes(30));
        first.MissUpdate().Should().BeTrue();
        first.Outgoing.Select(n => n.To.Address).Should().BeEquivalentTo(["alice", "#inc-7-checkout-5xx"]);
        first.UpdateReminderDue.Should().Be(Start.AddMinutes(60));

        var second = At(first, Start.AddMinutes(60));
        second.MissUpdate().Should().BeTrue();
        second.Outgoing.Select(n => n.To.Address).Should().BeEquivalentTo(["alice", "#inc-7-checkout-5xx", "dana"]);
        second.Outgoing.Single(n => n.To.Address == "dana").Text.Should().Contain("missed 2 status updates");
    }

    [Fact]
    public void A_reminder_that_fires_early_changes_nothing()
    {
        var incident = At(In(IncidentState.Investigating), Start.AddMinutes(10));

        incident.MissUpdate().Should().BeFalse();
        incident.Data.MissedUpdates.Should().Be(0);
    }

    [Fact]
    public void Only_the_commander_or_an_incident_commander_may_run_the_incident()
    {
        var incident = In(IncidentState.Investigating);

        var byBob = () => incident.Step(Actor.For(Bob), IncidentTrigger.Resolve);
        byBob.Should().Throw<RefusedException>().WithMessage("*Only*you are Bob Martins*");
        incident.Data.State.Should().Be(IncidentState.Investigating);

        incident.Step(Actor.For(Sam), IncidentTrigger.Resolve);
        incident.Data.State.Should().Be(IncidentState.Resolved);
    }

    [Fact]
    public void The_ops_lead_may_post_updates_but_not_resolve()
    {
        var incident = In(IncidentState.Investigating);
        incident.AssignRole(Actor.For(Alice), IncidentRole.Ops, Bob);

        incident.PostUpdate(Actor.For(Bob), "Rolled back");
        var resolve = () => incident.Step(Actor.For(Bob), IncidentTrigger.Resolve);

        incident.Data.LastUpdate.Should().Be("Rolled back");
        resolve.Should().Throw<RefusedException>();
    }

    [Fact]
    public void The_commander_hands_over_by_giving_the_ic_seat_away()
    {
        var incident = In(IncidentState.Investigating);

        incident.AssignRole(Actor.For(Alice), IncidentRole.Commander, Bob);

        incident.Data.Commander.Should().Be("bob");
        incident.Outgoing.Should().Contain(n => n.To.Address == "bob" && n.Text.Contains("incident commander of INC-7"));
        var aliceAgain = () => incident.Step(Actor.For(Alice), IncidentTrigger.Resolve);
        aliceAgain.Should().NotThrow("Alice keeps the directory's incident-commander role");
    }

    [Fact]
    public void A_step_not_allowed_now_is_refused_with_the_possible_next_steps()
    {
        var incident = In(IncidentState.Investigating);

        var close = () => incident.Step(Actor.For(Alice), IncidentTrigger.Close);

        close.Should().Throw<RefusedException>().WithMessage("INC-7 is investigating, so you cannot close it now. Possible next steps: identify, mitigate, resolve.");
    }

    [Fact]
    public void Resolving_makes_the_postmortem_due_and_close_waits_for_a_systemic_item()
    {
        var incident = In(IncidentState.Investigating);
        incident.Step(Actor.For(Alice), IncidentTrigger.Resolve);
        incident.Data.PostmortemDue.Should().Be(Start.AddDays(5));
        incident.PostmortemReminderDue.Should().Be(Start.AddDays(5));

        incident.RecordPostmortem(Actor.For(Alice), "Config-Change", "Bad flag", [new PreventionItem("roll back the flag", false)]);
        var close = () => incident.Step(Actor.For(Alice), IncidentTrigger.Close);
        close.Should().Throw<RefusedException>().WithMessage("*needs a postmortem with at least one systemic prevention item*");

        incident.RecordPostmortem(Actor.For(Alice), null, null, [new PreventionItem("validate flags in CI", true)]);
        incident.Step(Actor.For(Alice), IncidentTrigger.Close);
        incident.Data.State.Should().Be(IncidentState.Closed);
        incident.Data.Postmortem!.RootCause.Should().Be("config-change");
        incident.PostmortemReminderDue.Should().BeNull();
    }

    [Fact]
    public void Events_join_active_incidents_and_are_ignored_once_resolved()
    {
        In(IncidentState.Investigating).AttachEvent("deploy", "payments v2", Start, "ci").Should().BeTrue();
        In(IncidentState.Resolved).AttachEvent("deploy", "payments v2", Start, "ci").Should().BeFalse();
        In(IncidentState.Closed).AttachEvent("deploy", "payments v2", Start, "ci").Should().BeFalse();
    }
}
