using ExecOps.Tests.Bot.Reports;
using ExecOps.Tests.Support;

namespace ExecOps.Tests.Bot.Contracts;

/// <summary>
/// Customer notification deadlines (seed §8) on the test's clock (start 2026-11-02 09:00 UTC): ACME must hear of a payments
/// incident within 4 h, Globex within 2 h. priya holds the Comms role, lena Legal, dana is the exec on call.
/// </summary>
public sealed class NotificationDeadlineTests : BotTest
{
    private async Task<int> CountAsync(string who, string text) => (await Playground.MessagesAsync(who)).Count(m => m.Text.Contains(text));

    private async Task MoveToAsync(string key, int hour, int minute)
    {
        await Bot.ArmedAsync(key);
        Bot.Clock.Advance(new DateTimeOffset(2026, 11, 2, hour, minute, 0, TimeSpan.Zero) - Bot.Clock.GetUtcNow());
    }

    [Fact]
    public async Task A_Sev1_on_a_service_with_two_contracted_customers_starts_two_clocks_reminds_Comms_and_Legal_and_reports_a_miss_and_a_notice()
    {
        await ContractImports.PostAsync(Bot, ContractImports.Acme(), ContractImports.Globex());

        var declared = await Playground.OneAsync("alice", "/incident declare sev1 \"Card payments failing\" service:payments");
        declared.Text.Should().Contain("Customer notices").And.Contain("ACME · notify by 13:00 UTC (4 h, CON-1) · ⏳ pending").And.Contain("Globex · notify by 11:00 UTC (2 h, CON-2) · ⏳ pending");
        foreach (var person in new[] { "priya", "lena" })
        {
            await Eventually.Until(() => CountAsync(person, "INC-1 (Sev1 on payments): notify ACME by 2026-11-02 13:00 UTC (4 h, CON-1)."), n => n == 1, $"{person} told of ACME's clock");
            await Eventually.Until(() => CountAsync(person, "INC-1 (Sev1 on payments): notify Globex by 2026-11-02 11:00 UTC (2 h, CON-2)."), n => n == 1, $"{person} told of Globex's clock");
        }
        (await Playground.OneAsync("dana", "/incident brief INC-1")).Text.Should().Contain("ACME · notify by 13:00 UTC (4 h, CON-1)").And.Contain("Globex · notify by 11:00 UTC (2 h, CON-2)");

        await MoveToAsync("incident/INC-1/notice/CON-2/remind", 10, 1);
        foreach (var person in new[] { "priya", "lena" })
            await Eventually.Until(() => CountAsync(person, "INC-1: Globex must be notified by 11:00 UTC, in 59 min (CON-2)."), n => n == 1, $"{person} reminded before Globex's deadline");

        await MoveToAsync("incident/INC-1/notice/CON-2/due", 11, 1);
        await Eventually.Until(() => CountAsync("dana", "INC-1 missed a customer notification deadline: Globex was due to be told by 2026-11-02 11:00 UTC (2 h under CON-2)."), n => n == 1,
            "the exec on call told of the miss");

        await MoveToAsync("incident/INC-1/notice/CON-1/remind", 12, 1);
        await Eventually.Until(() => CountAsync("lena", "INC-1: ACME must be notified by 13:00 UTC"), n => n == 1, "reminded before ACME's deadline");
        (await Playground.OneAsync("bob", "/incident notified INC-1 ACME")).Text.Should().Contain("Only its incident commander, ops lead or comms lead can post an update to INC-1");
        var notified = await Playground.OneAsync("priya", "/incident notified INC-1 acme");
        notified.Text.Should().Contain("ACME · notify by 13:00 UTC (4 h, CON-1) · notified 12:01 UTC by Priya Nair").And.Contain("Globex · notify by 11:00 UTC (2 h, CON-2) · ⏰ missed");
        (await Playground.OneAsync("priya", "/incident notified INC-1 ACME")).Text.Should().Be("ACME was already notified of INC-1 at 12:01 UTC by priya.");
        (await Bot.PendingAsync("incident/INC-1/notice/CON-1/due")).Should().BeNull("a customer told has no deadline left");

        var timeline = (await Playground.OneAsync("lee", "/incident timeline INC-1")).Text;
        timeline.Should().Contain("notify ACME by 13:00 UTC (4 h, CON-1)").And.Contain("missed: Globex was not notified by 11:00 UTC (2 h, CON-2)")
            .And.Contain("ACME notified by Priya Nair, deadline 13:00 UTC met");

        await Playground.OneAsync("alice", "/incident resolve INC-1");
        var postmortem = await Playground.OneAsync("alice", "/incident postmortem INC-1 cause:config-change summary:\"Bad rollout\" systemic:\"Canary every config change\"");
        postmortem.Text.Should().Contain("Customer notices: 1 met, 1 missed (INC-1 Globex).");
        var packet = ReportDataSet.Sections((await ReportDataSet.FilesAsync(Playground.Http, (await Playground.OneAsync("ceo", "/boardpacket 2026-11")).Card!)).Single().Value);
        packet["Incidents"].Should().Contain("Customer notification deadlines: 1 met, 1 missed (INC-1 Globex).");
    }

    [Fact]
    public async Task A_customer_under_two_contracts_is_owed_two_notices_recorded_in_turn_and_a_resolved_incident_starts_no_clock()
    {
        var second = ContractImports.Acme();
        second["reference"] = "MSA-2026-099";
        await ContractImports.PostAsync(Bot, ContractImports.Acme(), second);

        await Playground.OneAsync("alice", "/incident declare sev2 \"Card payments slow\" service:payments");
        (await Playground.OneAsync("priya", "/incident notified INC-1 ACME")).Text.Should().Contain("ACME · notify by 13:00 UTC (4 h, CON-1) · notified 09:00 UTC by Priya Nair")
            .And.Contain("ACME · notify by 13:00 UTC (4 h, CON-2) · ⏳ pending");
        (await Playground.OneAsync("priya", "/incident notified INC-1 ACME")).Text.Should().Contain("(4 h, CON-2) · notified 09:00 UTC by Priya Nair");

        await Playground.OneAsync("alice", "/incident declare sev3 \"Slow refunds\" service:search");
        await Playground.OneAsync("alice", "/incident resolve INC-2");
        await ContractImports.PostAsync(Bot, ContractImports.Globex());
        (await Playground.OneAsync("alice", "/incident sev INC-2 1")).Text.Should().NotContain("Customer notices", "a resolved incident owes no new notice");
    }

    [Fact]
    public async Task Raising_an_incident_to_Sev2_starts_the_clocks_of_the_customers_of_its_service_only()
    {
        await ContractImports.PostAsync(Bot, ContractImports.Acme(), ContractImports.Globex());

        (await Playground.OneAsync("alice", "/incident declare sev3 \"Slow search\" service:search")).Text.Should().NotContain("Customer notices");
        var raised = await Playground.OneAsync("alice", "/incident sev INC-1 2");

        raised.Text.Should().Contain("Globex · notify by 11:00 UTC (2 h, CON-2)").And.NotContain("ACME", "ACME does not depend on search");
        (await Playground.OneAsync("alice", "/incident sev INC-1 1")).Text.Should().Contain("Globex · notify by 11:00 UTC (2 h, CON-2)", "a second raise starts no second clock");
        await Bot.DrainOutboxAsync();
        (await CountAsync("priya", "notify Globex")).Should().Be(1);
    }
}
