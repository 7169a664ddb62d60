using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ExecOps.Tests.Support;
using ExecOps.Workflows.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace ExecOps.Tests.Bot.Contracts;

/// <summary>The promise inventory on the test's clock (start 2026-11-02 09:00 UTC): imports, gaps, amendments with who and when, notice deadlines.</summary>
public sealed class ContractInventoryTests : BotTest
{
    private async Task<int> CountAsync(string who, string text) => (await Playground.MessagesAsync(who)).Count(m => m.Text.Contains(text));

    [Fact]
    public async Task An_import_creates_each_contract_once_lists_its_gaps_and_a_changed_import_is_an_audited_amendment()
    {
        var first = (await (await ContractImports.PostAsync(Bot, ContractImports.Acme(), ContractImports.Globex())).Content.ReadFromJsonAsync<JsonObject>())!;
        ((int)first["created"]!).Should().Be(2);
        var again = (await (await ContractImports.PostAsync(Bot, ContractImports.Acme(), ContractImports.Globex())).Content.ReadFromJsonAsync<JsonObject>())!;
        ((int)again["unchanged"]!).Should().Be(2, "the same import again changes nothing");

        (await Playground.OneAsync("lee", "/contract show CON-1")).Text.Should().Contain("1. uptime 99.9% · enforced by kpi:uptime")
            .And.Contain("2. incident-notification 4 h · enforced by setting:Incidents:UpdateCadence:Sev1")
            .And.Contain("3. residency eu · ⚠ nothing enforces it; Alice Chen closes it by 2027-03-01")
            .And.Contain("Notice: 90 days: by 2027-04-01");
        (await Playground.OneAsync("lee", "/contract gaps")).Text.Should().Contain("CON-1 ACME · residency eu · Alice Chen by 2027-03-01").And.Contain("1 gap(s)");
        await Eventually.Until(() => CountAsync("alice", "CON-1 ACME promises residency eu and nothing enforces it yet"), n => n == 1, "the gap's owner told");

        var amended = (await (await ContractImports.PostAsync(Bot, ContractImports.Acme(tier: "strategic", uptime: "99.95"))).Content.ReadFromJsonAsync<JsonObject>())!;
        ((int)amended["amended"]!).Should().Be(1);
        amended["contracts"]![0]!["changes"]!.AsArray().Select(c => (string?)c).Should().Equal(
            "tier enterprise → strategic", "promise removed: uptime 99.9% (kpi:uptime)", "promise added: uptime 99.95% (kpi:uptime)");
        (await Playground.OneAsync("dana", "/contract amend CON-2 tier:enterprise")).Text.Should().StartWith("CON-2 amended by Dana Okafor: tier growth → enterprise.");
        (await Playground.OneAsync("bob", "/contract amend CON-2 tier:free")).Text.Should().Be("Contracts are imported and amended by Legal, admins and execs; you (Bob Martins) are none of these.");

        (await Playground.OneAsync("lee", "/contract show CON-1")).Text.Should().Contain("2026-11-02 09:00 UTC · contracts-api · tier enterprise → strategic; promise removed: uptime 99.9% (kpi:uptime); promise added: uptime 99.95% (kpi:uptime)");
        await using var unit = await Bot.Services.GetRequiredService<Store>().BeginAsync();
        (await unit.Audit.ListAsync("CON-1")).Should().ContainSingle(a => a.Action == "contract.amend").Which.Should().BeEquivalentTo(new { Actor = "contracts-api", Outcome = "allowed", Detail = "tier enterprise → strategic; promise removed: uptime 99.9% (kpi:uptime); promise added: uptime 99.95% (kpi:uptime)" });
        (await unit.Audit.ListAsync("CON-2")).Should().Contain(a => a.Action == "contract.amend" && a.Actor == "dana" && a.Detail == "tier growth → enterprise");
    }

    [Theory]
    [InlineData("promises", """[{"kind":"uptime","value":"99.9"}]""", "promise 1 (uptime): nothing enforces it: map it with enforced_by kpi:<id>, control:CTRL-n or setting:<Section:Key>, or declare a gap with gap_owner and gap_due; no unscoped commitments")]
    [InlineData("promises", """[{"kind":"uptime","value":"99.9","enforced_by":"kpi:happiness"}]""", "promise 1 (uptime): enforced_by kpi:happiness: there is no KPI \"happiness\" in the catalog")]
    [InlineData("promises", """[{"kind":"uptime","value":"99.9","enforced_by":"setting:Nowhere:Key"}]""", "the bot has no setting \"Nowhere:Key\"")]
    [InlineData("promises", """[{"kind":"retention","value":"30","enforced_by":"control:CTRL-99"}]""", "there is no control \"CTRL-99\" in the catalog")]
    [InlineData("promises", """[{"kind":"uptime","value":"250","enforced_by":"kpi:uptime"}]""", "uptime \"250\" must be a percentage above 0 and at most 100")]
    [InlineData("promises", """[{"kind":"residency","value":"eu","gap_owner":"alice"}]""", "a gap needs gap_due")]
    [InlineData("promises", """[{"kind":"refunds","value":"1","enforced_by":"kpi:uptime"}]""", "promise kind \"refunds\"")]
    [InlineData("start", "\"2027-12-31\"", "end 2027-06-30 is not after start 2027-12-31")]
    [InlineData("owner", "\"mallory\"", "owner \"mallory\" is not in the people directory")]
    [InlineData("notice_days", "\"soon\"", "notice_days \"soon\" is not a whole number of days from 0 to 3650")]
    public async Task A_contract_with_an_unscoped_or_bad_promise_is_refused_and_nothing_is_stored(string field, string value, string reason)
    {
        var bad = ContractImports.Acme();
        bad[field] = JsonNode.Parse(value);

        var response = await ContractImports.PostAsync(Bot, ContractImports.Globex(), bad);

        response.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        var problem = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        problem["rejected"]!.AsArray().Should().ContainSingle().Which!["reason"]!.GetValue<string>().Should().Contain(reason);
        ((int)problem["rejected"]![0]!["index"]!).Should().Be(1);
        (await Playground.OneAsync("lee", "/contract list")).Text.Should().Contain("No contracts yet.", "Globex was good, but the import is all or nothing");
    }

    [Fact]
    public async Task Legal_imports_CSV_from_chat_and_anyone_else_is_refused()
    {
        const string csv = """
            /contract import
            reference,customer,tier,start,end,notice_days,penalty,owner,services,promise,value,enforced_by,gap_owner,gap_due
            MSA-2026-030,Initech,growth,2026-03-01,2027-03-01,60,"$10k, pro rata",lena,payments,uptime,99.5,kpi:uptime,,
            MSA-2026-030,,,,,,,,,support_response,8,,priya,2027-01-15
            """;

        (await Playground.OneAsync("bob", csv)).Text.Should().StartWith("Contracts are imported and amended by Legal, admins and execs");
        (await Playground.OneAsync("lena", csv)).Text.Should().Be("1 created, 0 amended, 0 unchanged: CON-1 (MSA-2026-030) created");
        (await Playground.OneAsync("lee", "/contract show CON-1")).Text.Should().Contain("Penalty: $10k, pro rata")
            .And.Contain("2. support-response 8 h · ⚠ nothing enforces it; Priya Nair closes it by 2027-01-15");
        (await Playground.OneAsync("lena", csv.Replace("99.5", "nine"))).Text.Should().StartWith("Nothing was imported; fix these and send the whole CSV again:")
            .And.Contain("row 1 (after the header): promise 1 (uptime): uptime \"nine\" must be a percentage");
    }

    [Fact]
    public async Task The_owner_is_reminded_30_and_7_days_before_the_notice_deadline_with_the_penalty_at_stake()
    {
        await ContractImports.PostAsync(Bot, ContractImports.Globex());
        (await Playground.OneAsync("lee", "/contract upcoming days:90")).Text.Should().Contain("2027-01-02 · CON-1 Globex (growth) · notice of non-renewal, 61 day(s) left · owner Sam Alvarez · at stake: $20k");
        (await Bot.PendingAsync("contract/CON-1/notice/90")).Should().BeNull("90 days before 2027-01-02 had passed when it was imported");

        await Bot.ArmedAsync("contract/CON-1/notice/30");
        Bot.Clock.Advance(new DateTimeOffset(2026, 12, 3, 9, 1, 0, TimeSpan.Zero) - Bot.Clock.GetUtcNow());
        await Eventually.Until(() => CountAsync("sam", "CON-1 Globex (growth): notice of non-renewal is due by 2027-01-02, in 30 day(s); the contract ends 2027-02-01. At stake: $20k."), n => n == 1, "30 days ahead");
        await Bot.ArmedAsync("contract/CON-1/notice/7");
        Bot.Clock.Advance(new DateTimeOffset(2026, 12, 26, 9, 1, 0, TimeSpan.Zero) - Bot.Clock.GetUtcNow());
        await Eventually.Until(() => CountAsync("sam", "in 7 day(s)"), n => n == 1, "7 days ahead");
        (await CountAsync("sam", "in 30 day(s)")).Should().Be(1, "each reminder is sent once");

        await Bot.ArmedAsync("contract/CON-1/end");
        Bot.Clock.Advance(new DateTimeOffset(2027, 2, 2, 0, 1, 0, TimeSpan.Zero) - Bot.Clock.GetUtcNow());
        await Eventually.Until(() => Playground.OneAsync("lee", "/contract show CON-1"), r => r.Text.Contains("State: Ended"), "the contract ended");
        (await Bot.PendingAsync("contract/CON-1/end")).Should().BeNull();
    }

    [Fact]
    public async Task A_gap_past_its_date_reminds_its_owner_and_a_closed_gap_does_not()
    {
        var acme = ContractImports.Acme();
        acme["promises"]![2]!["gap_due"] = "2026-11-10";
        await ContractImports.PostAsync(Bot, acme);

        await Bot.ArmedAsync("contract/CON-1/gap/3");
        Bot.Clock.Advance(new DateTimeOffset(2026, 11, 10, 9, 1, 0, TimeSpan.Zero) - Bot.Clock.GetUtcNow());
        await Eventually.Until(() => CountAsync("alice", "CON-1 ACME promises residency eu and nothing enforces it; closing the gap was due 2026-11-10."), n => n == 1, "the gap's owner reminded");

        var later = ContractImports.Acme();
        later["promises"]![2]!["gap_due"] = "2026-12-01";
        await ContractImports.PostAsync(Bot, later);
        (await Bot.PendingAsync("contract/CON-1/gap/3"))!.DueAt.Should().Be(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero), "a new date for the gap is a new reminder");

        var closed = ContractImports.Acme();
        closed["promises"]![2]!.AsObject().Remove("gap_owner");
        closed["promises"]![2]!.AsObject().Remove("gap_due");
        closed["promises"]![2]!["enforced_by"] = "control:CTRL-12";
        var amended = (await (await ContractImports.PostAsync(Bot, closed)).Content.ReadFromJsonAsync<JsonObject>())!;
        amended["contracts"]![0]!["changes"]!.AsArray().Select(c => (string?)c).Should().Contain("promise added: residency eu (control:CTRL-12)");
        (await Playground.OneAsync("lee", "/contract gaps")).Text.Should().Contain("0 gap(s)");
        (await Bot.PendingAsync("contract/CON-1/gap/3")).Should().BeNull("a closed gap is not reminded");
    }
}
