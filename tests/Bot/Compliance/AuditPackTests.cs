using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using ExecOps.Bot.Api;
using ExecOps.Tests.Bot.Reports;
using ExecOps.Tests.Support;
using ExecOps.Workflows.Compliance;
using ExecOps.Workflows.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace ExecOps.Tests.Bot.Compliance;

/// <summary>
/// The audit pack drafted from a known data set on 2027-01-01 (the day of the first dry run): a collected change
/// approval (in the year-end freeze, so an exec approves too), evidence from chat and the API, an exception waiting, a vendor without a DPA and a dry-run finding.
/// Checked section by section, and every hash in the evidence index against the stored item and the content.
/// </summary>
public sealed class AuditPackTests : BotTest
{
    private const string Tier1 = "/change new tier:1 service:payments \"Card vault v2\" scope:\"vault reads\" rollback:\"flip flag off\" metrics:\"p95_latency_ms<=300, error_rate<=0.5%\" owner:@alice";

    private static string Sha(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private async Task SeedAsync()
    {
        await Bot.ArmedAsync(ComplianceReminders.DryRunKey);
        Bot.Clock.Advance(new DateTimeOffset(2027, 1, 1, 9, 1, 0, TimeSpan.Zero) - Bot.Clock.GetUtcNow());
        await Eventually.Until(() => Playground.MessagesAsync("sam"), m => m.Any(x => x.Text.StartsWith("Internal audit dry run 2027-Q1")), "the dry run opened");
        var change = await Playground.OneAsync("alice", Tier1);
        var approved = (await Playground.ActionAsync("sam", change.MessageId, "change.approve", change.ActionData("change.approve"))).Single();
        await Playground.ActionAsync("dana", change.MessageId, "change.approve", approved.ActionData("change.approve"));
        await Playground.OneAsync("sam", "/compliance evidence CTRL-3 https://wiki.example.com/access-review-q4");
        var http = Bot.CreateClient();
        http.DefaultRequestHeaders.Authorization = new("Bearer", BotFactory.EvidenceToken);
        (await http.PostAsJsonAsync(EvidenceApi.Path, new { evidence = new[] { new { control = "CTRL-6", kind = "restore-test", content = "Restored orders, \"prod\" snapshot, in 41 min" } } })).EnsureSuccessStatusCode();
        await Playground.OneAsync("alice", "/compliance exception CTRL-4 until:2027-02-15 compensating:\"Hardware keys for admins\" reason:\"IdP migration\"");
        await Playground.OneAsync("alice", "/compliance vendor add \"Acme Mail\" region:eu data:personal dpa:no review:2027-06-01");
        await Playground.OneAsync("sam", "/compliance finding CTRL-3 \"Two leavers still had VPN access\"");
        await Bot.ArmedAsync(ComplianceReminders.SweepKey, r => r.DueAt > Bot.Clock.GetUtcNow());
        Bot.Clock.Advance(TimeSpan.FromHours(1));
        await Eventually.Until(StoredAsync, items => items.Any(i => i.Control == "CTRL-1"), "the sweep collected the approval");
    }

    private async Task<IReadOnlyList<EvidenceItem>> StoredAsync()
    {
        await using var unit = await Bot.Services.GetRequiredService<Store>().BeginAsync();
        return await unit.Evidence.ListAsync();
    }

    private async Task<(ReplyView Reply, IReadOnlyDictionary<string, string> Files)> PackAsync(string who, string command)
    {
        var reply = await Playground.OneAsync(who, command);
        return (reply, await ReportDataSet.FilesAsync(Playground.Http, reply.Card!));
    }

    [Fact]
    public async Task The_pack_has_every_section_drawn_from_the_records_and_its_hashes_match_the_stored_evidence()
    {
        await SeedAsync();

        var (reply, files) = await PackAsync("ines", "/compliance pack SOC 2");

        reply.Text.Should().Contain("Audit pack: SOC 2").And.Contain("audit-pack-soc-2-v1");
        files.Keys.Should().Equal("audit-pack.md", "controls.csv", "evidence.csv", "exceptions.csv", "vendors.csv", "findings.csv");
        var pack = ReportDataSet.Sections(files["audit-pack.md"]);
        pack.Keys.Should().Equal("1. Controls", "2. Evidence index", "3. Open exceptions", "4. Vendor register", "5. Findings");
        pack["1. Controls"].Should().Contain("| CTRL-1 | Production changes to Tier 0/1 services are approved before they start | SOC 2 CC8.1, ISO 27001 A.8.32 | Sam Alvarez | green | change-approvals monthly, last 2027-01-01, due 2027-02-01 |")
            .And.Contain("| CTRL-4 | Multi-factor authentication is enforced for every workforce account | SOC 2 CC6.1, ISO 27001 A.8.5 | Alice Chen | red |")
            .And.Contain("| CTRL-13 |");
        pack["3. Open exceptions"].Should().Contain("| CTRL-4 | 1 | requested | 2027-02-15 | Hardware keys for admins | IdP migration | Alice Chen | Dana Okafor |");
        pack["4. Vendor register"].Should().Contain("| VEN-1 | Acme Mail | personal | eu | no | Alice Chen | 2027-06-01 | personal or sensitive data without a DPA |");
        pack["5. Findings"].Should().Contain("| CTRL-3 | 2027-Q1 | 1 | Two leavers still had VPN access | Sam Alvarez | 2027-01-01 |");

        var stored = await StoredAsync();
        stored.Select(i => i.Control).Should().BeEquivalentTo(["CTRL-1", "CTRL-3", "CTRL-6", "CTRL-9"]);
        var index = CsvTable.Parse(files["evidence.csv"], ["control", "sequence", "kind", "source", "reference", "happened_at", "recorded_at", "recorded_by", "sha256", "content"], "");
        index.Select(r => (r.Field("control"), r.Field("sequence"), r.Field("sha256"), r.Field("content")))
            .Should().Equal(stored.Select(i => ((string?)i.Control, (string?)i.Sequence.ToString(), (string?)i.Sha256, (string?)i.Content)));
        index.Should().OnlyContain(r => r.Field("sha256") == Sha(r.Field("content")!), "each hash is over the content as recorded");
        index.Single(r => r.Field("control") == "CTRL-6").Field("content").Should().Be("Restored orders, \"prod\" snapshot, in 41 min");
        foreach (var item in stored) pack["2. Evidence index"].Should().Contain($"| {item.Control} | {item.Sequence} | {item.Kind} |").And.Contain(item.Sha256);
        CsvTable.Parse(files["controls.csv"], ["control", "title", "frameworks", "owner", "backup", "status", "classification", "evidence_due"], "").Should().HaveCount(13);
        CsvTable.Parse(files["findings.csv"], ["control", "quarter", "finding", "text", "by", "at", "task_key"], "").Single().Field("task_key")
            .Should().Be("compliance/CTRL-3/dry-run/2027-Q1/finding/1");
    }

    [Fact]
    public async Task A_pack_for_one_clause_holds_only_its_controls_and_each_draft_is_a_new_version()
    {
        await SeedAsync();

        var (reply, files) = await PackAsync("ceo", "/compliance pack ISO 27001 A.8.32");

        reply.Text.Should().Contain("audit-pack-iso-27001-a-8-32-v1");
        var pack = ReportDataSet.Sections(files["audit-pack.md"]);
        pack["1. Controls"].Should().Contain("| CTRL-1 |").And.NotContain("| CTRL-3 |");
        pack["2. Evidence index"].Should().Contain("| CTRL-1 |").And.NotContain("| CTRL-3 |");
        pack["3. Open exceptions"].Should().Contain("No exception is waiting or in force.");
        (await Playground.OneAsync("ceo", "/compliance pack ISO 27001 A.8.32")).Text.Should().Contain("audit-pack-iso-27001-a-8-32-v2");
    }

    [Theory]
    [InlineData("lee", "/compliance pack", "Audit packs are for auditors, admins and execs; you (Lee Park) are none of these.")]
    [InlineData("alice", "/compliance pack SOC 2", "Audit packs are for auditors, admins and execs")]
    [InlineData("ines", "/compliance pack PCI DSS", "No control answers \"PCI DSS\". The catalog's frameworks are ISO 27001, SOC 2;")]
    public async Task A_pack_is_refused_to_others_and_for_a_framework_no_control_answers(string who, string command, string answer)
    {
        (await Playground.OneAsync(who, command)).Text.Should().Contain(answer);
        await using var unit = await Bot.Services.GetRequiredService<Store>().BeginAsync();
        (await unit.Aggregates.ListAsync<ExecOps.Workflows.Reports.ReportData>(ExecOps.Workflows.Reports.ReportDrafts.Kind)).Should().BeEmpty();
    }
}
