using ExecOps.Cards.Adrs;
using ExecOps.Tests.Bot.Reports;
using ExecOps.Tests.Support;

namespace ExecOps.Tests.Bot.Adrs;

/// <summary>
/// ADRs through the Playground on the test's clock (start 2026-11-02 09:00 UTC): one funded by a decision whose approver is
/// dana, accepted from its card by her; one accepted by the CEO that supersedes it; one left undecided; and the export, file by file.
/// </summary>
public sealed class AdrTests : BotTest
{
    private const string Ledger = "/adr new \"Move the ledger to PostgreSQL\" context:\"SQLite's single writer caps the ledger at one replica.\" "
        + "decision:\"The ledger moves to PostgreSQL 16 with logical replication.\" consequences:\"Two replicas; the DBA on-call learns PostgreSQL.\" funded-by:DEC-2026-11-02-01";

    private const string Sharded = "/adr new \"Shard the ledger by region\" context:\"EU data must stay in the EU.\" "
        + "decision:\"One PostgreSQL cluster per region.\" consequences:\"Cross-region reports read from the warehouse.\"";

    [Fact]
    public async Task An_ADR_is_proposed_accepted_by_the_funding_decisions_approver_superseded_and_exported_in_the_standard_layout()
    {
        await Playground.OneAsync("alice", "/decision new \"Ledger on PostgreSQL\" verdict:expand owner:@bob approver:@dana budget:$40k");
        var proposed = await Playground.OneAsync("bob", Ledger);
        proposed.Text.Should().Be("ADR-1 proposed.");
        proposed.Verbs.Should().BeEmpty("bob may not accept it");
        await Playground.HearsAsync("#architecture", "ADR-1 proposed by Bob Martins: Move the ledger to PostgreSQL. A one-way door: dana (the approver of DEC-2026-11-02-01) or an exec accepts it.");
        var asked = (await Playground.HearsAsync("dana", "ADR-1 \"Move the ledger to PostgreSQL\" records a one-way door")).Single(m => m.Text.Contains("records a one-way door"));
        (await Playground.OneAsync("bob", "/adr accept ADR-1")).Text.Should().Contain("that needs an exec, an admin, or the approver of the decision that funded it");

        var accepted = (await Playground.ActionAsync("dana", asked.MessageId, AdrActions.Accept, CardJson.DataOf(asked.Card!, AdrActions.Accept))).Single();
        CardJson.Facts(accepted.Card!).Should().Contain("Status: accepted by Dana Okafor, 2026-11-02");
        await Playground.HearsAsync("bob", "ADR-1 \"Move the ledger to PostgreSQL\" is accepted by Dana Okafor.");
        (await Bot.PendingAsync("adr/ADR-1/decide")).Should().BeNull();

        await Playground.OneAsync("alice", Sharded);
        (await Playground.OneAsync("ceo", "/adr accept ADR-2")).Text.Should().Be("ADR-2 accepted.");
        (await Playground.OneAsync("lee", "/adr supersede ADR-1 by:ADR-2")).Text.Should().Contain("that needs an exec");
        (await Playground.OneAsync("dana", "/adr supersede ADR-1 by:ADR-1")).Text.Should().Contain("can only be superseded by another ADR");
        (await Playground.OneAsync("dana", "/adr supersede ADR-1 by:ADR-2")).Text.Should().Be("ADR-1 superseded by ADR-2.");
        (await Playground.OneAsync("dana", "/adr supersede ADR-1 by:ADR-2")).Text.Should().Contain("ADR-1 is superseded, so supersede is not possible");

        await Playground.OneAsync("lee", "/adr new \"Retire the v1 API\" context:\"Two clients left.\" decision:\"v1 goes on 2027-03-31.\" consequences:\"Both clients move to v2.\"");
        await Bot.ArmedAsync("adr/ADR-3/decide");
        Bot.Clock.Advance(TimeSpan.FromDays(7));
        await Playground.HearsAsync("#architecture", "ADR-3 \"Retire the v1 API\" has waited 7 days for acceptance");

        var export = await Playground.OneAsync("lee", "/adr export");
        var files = await ReportDataSet.FilesAsync(Bot.CreateClient(), export.Card!);
        files.Keys.Should().Equal("0001-move-the-ledger-to-postgresql.md", "0002-shard-the-ledger-by-region.md", "0003-retire-the-v1-api.md");
        files["0001-move-the-ledger-to-postgresql.md"].Should().Be("""
            # 1. Move the ledger to PostgreSQL

            Date: 2026-11-02

            ## Status

            Superseded by [2. Shard the ledger by region](0002-shard-the-ledger-by-region.md)

            Funded by decision DEC-2026-11-02-01 in the decision log.

            ## Context

            SQLite's single writer caps the ledger at one replica.

            ## Decision

            The ledger moves to PostgreSQL 16 with logical replication.

            ## Consequences

            Two replicas; the DBA on-call learns PostgreSQL.

            """);
        files["0002-shard-the-ledger-by-region.md"].Should().Be("""
            # 2. Shard the ledger by region

            Date: 2026-11-02

            ## Status

            Accepted (Morgan Reyes, 2026-11-02)

            Supersedes [1. Move the ledger to PostgreSQL](0001-move-the-ledger-to-postgresql.md)

            ## Context

            EU data must stay in the EU.

            ## Decision

            One PostgreSQL cluster per region.

            ## Consequences

            Cross-region reports read from the warehouse.

            """);
        files["0003-retire-the-v1-api.md"].Should().StartWith("# 3. Retire the v1 API\n\nDate: 2026-11-02\n\n## Status\n\nProposed (Lee Park)\n\n## Context\n\nTwo clients left.\n");
    }

    [Theory]
    [InlineData("/adr new \"x\" context:\"c\" decision:\"d\"", "An ADR needs consequences:\"…\"")]
    [InlineData("/adr new context:\"c\" decision:\"d\" consequences:\"e\"", "An ADR needs a title in quotes")]
    [InlineData("/adr new \"x\" context:\"c\" decision:\"d\" consequences:\"e\" funded-by:DEC-2026-01-01-09", "There is no decision DEC-2026-01-01-09")]
    [InlineData("/adr new \"x\" context:\"c\" decision:\"d\" consequences:\"e\" funded-by:CHG-1", "funded-by: a decision id like DEC-2026-11-02-01")]
    [InlineData("/adr accept ADR-4", "There is no ADR-4")]
    [InlineData("/adr accept 4", "`4` is not an ADR")]
    [InlineData("/adr supersede ADR-1", "Say which ADR supersedes it")]
    [InlineData("/adr export", "There are no ADRs to export yet")]
    public async Task Bad_input_is_refused_saying_what_to_do_and_records_nothing(string command, string answer)
    {
        (await Playground.OneAsync("dana", command)).Text.Should().Contain(answer);

        (await Playground.OneAsync("dana", "/adr")).Text.Should().Contain("None yet");
    }
}
