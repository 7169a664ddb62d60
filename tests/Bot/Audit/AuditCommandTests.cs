using System.Net;
using ExecOps.Tests.Support;
using ExecOps.Workflows.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace ExecOps.Tests.Bot.Audit;

/// <summary>`/audit verify` and `/audit export` for admins: the chain checked and a tampered row found, the export behind a link for its admin, both audited.</summary>
public sealed class AuditCommandTests : BotTest
{
    private async Task<IReadOnlyList<AuditEntry>> AuditAsync()
    {
        await using var unit = await Bot.Services.GetRequiredService<Store>().BeginAsync();
        return await unit.Audit.ListAsync();
    }

    private async Task SomeHistoryAsync()
    {
        await Playground.OneAsync("alice", "/incident declare sev2 \"Checkout latency\"");
        await Playground.OneAsync("alice", "/incident investigate");
        await Playground.OneAsync("alice", "/incident update \"Rolling back the cache change\"");
    }

    [Fact]
    public async Task Verify_reports_an_intact_chain_with_its_head_and_is_audited()
    {
        await SomeHistoryAsync();
        var head = (await AuditAsync())[^1].Hash;

        var verdict = await Playground.OneAsync("ceo", "/audit verify");

        verdict.Text.Should().Be($"The audit log's chain holds: 3 row(s), each linked to the one before it. Its head is `{head}`.");
        (await AuditAsync())[^1].Should().Match<AuditEntry>(a => a.Actor == "ceo" && a.Action == "/audit verify" && a.Subject == "audit" && a.Outcome == AuditRows.Allowed);
    }

    [Fact]
    public async Task Verify_names_the_first_row_changed_behind_the_bots_back()
    {
        await SomeHistoryAsync();
        await using (var connection = new SqliteConnection($"Data Source={Database.Path};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "DROP TRIGGER audit_no_update; UPDATE audit SET actor = 'mallory' WHERE seq = 2;";
            await command.ExecuteNonQueryAsync();
        }

        var verdict = await Playground.OneAsync("ceo", "/audit verify");

        verdict.Text.Should().StartWith("The audit log's chain breaks at row 2 (2026-11-02 09:00:00 UTC, mallory, /incident investigate): that row, or one before it, was changed or removed outside the bot.");
    }

    [Fact]
    public async Task Only_admins_may_verify_or_export_and_the_refusal_is_audited()
    {
        (await Playground.OneAsync("dana", "/audit verify")).Text.Should().Be("Only admins may verify the audit log; you (Dana Okafor) are not one.");
        (await Playground.OneAsync("alice", "/audit export")).Text.Should().Be("Only admins may export the audit log; you (Alice Chen) are not one.");

        (await AuditAsync()).Select(a => (a.Actor, a.Action, a.Subject, a.Outcome)).Should().Equal(
            ("dana", "/audit verify", "audit", AuditRows.Refused), ("alice", "/audit export", "audit", AuditRows.Refused));
    }

    [Fact]
    public async Task Export_gives_its_admin_a_file_of_the_rows_with_their_hashes_behind_a_link_for_them_alone()
    {
        await SomeHistoryAsync();
        var rows = await AuditAsync();

        var card = await Playground.OneAsync("ceo", "/audit export since:2026-11-01");
        var link = new Uri(CardJson.OpenUrls(card.Card!).Single()).PathAndQuery;
        var file = await Bot.CreateClient().GetAsync(link);

        file.StatusCode.Should().Be(HttpStatusCode.OK);
        var text = await file.Content.ReadAsStringAsync();
        text.Should().Contain("3 of 3 row(s), from 2026-11-01.").And.Contain($"The last hash here, `{rows[^1].Hash}`, was the chain's head at export.");
        foreach (var row in rows) text.Should().Contain($"| {row.Sequence} | 2026-11-02 09:00:00 | {row.Actor} | {row.Action} | {row.Subject} | allowed |  | `{row.Hash}` |");
        (await AuditAsync()).Should().Contain(a => a.Actor == "ceo" && a.Action == "/audit export" && a.Subject.StartsWith("audit-2026-11-02"));
        var danas = new Uri(CardJson.OpenUrls((await Playground.OneAsync("dana", "/boardpacket")).Card!).Single()).Query;
        (await Bot.CreateClient().GetAsync(link.Split('?')[0] + danas)).StatusCode.Should().Be(HttpStatusCode.Forbidden, "another admin's or exec's pass does not open it");
    }
}
