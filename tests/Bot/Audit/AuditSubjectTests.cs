using System.Net;
using System.Net.Http.Json;
using ExecOps.Tests.Support;
using ExecOps.Workflows.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace ExecOps.Tests.Bot.Audit;

/// <summary>
/// Every allowed command and card action that changes an aggregate is audited by the kernel with that
/// aggregate as its subject, in the change's own unit of work: no change commits without its audit row.
/// </summary>
public sealed class AuditSubjectTests : BotTest
{
    private async Task<IReadOnlyList<AuditEntry>> AuditAsync()
    {
        await using var unit = await Bot.Services.GetRequiredService<Store>().BeginAsync();
        return await unit.Audit.ListAsync();
    }

    [Fact]
    public async Task An_allowed_command_and_card_press_on_a_risk_are_audited_with_the_risk_as_subject()
    {
        await Playground.OneAsync("alice", "/risk add \"Checkout outage\" category:reliability p:30% impact:$2M owner:alice sponsor:dana");
        var request = await Playground.OneAsync("alice", "/risk accept RISK-1 until:2026-12-02 reason:\"Second provider ships in Q1\"");
        await Playground.ActionAsync("dana", request.MessageId, "risk.acceptance.approve", request.ActionData("risk.acceptance.approve"));

        var allowed = (await AuditAsync()).Where(a => a.Outcome == AuditRows.Allowed).Select(a => (a.Actor, a.Action, a.Subject)).ToList();

        allowed.Should().Equal(("alice", "/risk add", "RISK-1"), ("alice", "/risk accept", "RISK-1"), ("dana", "risk.acceptance.approve", "RISK-1"));
    }

    [Fact]
    public async Task A_record_kept_without_an_aggregate_is_audited_with_its_id_too()
    {
        await Playground.OneAsync("alice", "/scoreboard save mine segment:emea");

        (await AuditAsync()).Select(a => (a.Actor, a.Action, a.Subject, a.Outcome, a.Detail)).Should().Equal(("alice", "/scoreboard save", "alice/mine", AuditRows.Allowed, ""));
    }

    [Fact]
    public async Task A_command_about_no_record_in_particular_is_audited_once_with_its_area_as_subject()
    {
        await Playground.OneAsync("alice", "/risk top");

        (await AuditAsync()).Should().ContainSingle().Which.Should().Match<AuditEntry>(a => a.Action == "/risk top" && a.Subject == "risk" && a.Outcome == AuditRows.Allowed);
    }

    [Fact]
    public async Task A_read_or_a_press_that_changes_nothing_is_audited_with_what_it_was_about()
    {
        await Playground.OneAsync("alice", "/risk add \"Checkout outage\" category:reliability p:30% impact:$2M owner:alice sponsor:dana");
        var shown = await Playground.OneAsync("lee", "/risk show risk-1");
        await Playground.ActionAsync("lee", shown.MessageId, "risk.refresh", new { risk = "RISK-1" });

        (await AuditAsync()).Where(a => a.Actor == "lee").Select(a => (a.Action, a.Subject, a.Outcome)).Should().Equal(
            ("/risk show", "RISK-1", AuditRows.Allowed), ("risk.refresh", "RISK-1", AuditRows.Allowed));
    }

    [Fact]
    public async Task When_the_audit_row_cannot_be_written_the_change_is_not_written_either()
    {
        await Playground.OneAsync("alice", "/risk top");
        await using (var connection = new SqliteConnection($"Data Source={Database.Path}"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "CREATE TRIGGER audit_broken BEFORE INSERT ON audit BEGIN SELECT RAISE(ABORT, 'audit broken by the test'); END;";
            await command.ExecuteNonQueryAsync();
        }

        var refusal = await Playground.OneAsync("alice", "/risk add \"Checkout outage\" category:reliability p:30% impact:$2M owner:alice sponsor:dana");

        refusal.Text.Should().StartWith("Nothing was done: the change could not be recorded (with its audit row)");
        await using var unit = await Bot.Services.GetRequiredService<Store>().BeginAsync();
        (await unit.Aggregates.FindAsync<object>("risk", "RISK-1")).Should().BeNull("the risk and its audit row commit together or not at all");
    }
}
