using ExecOps.Tests.Bot.Reports;
using ExecOps.Tests.Support;

namespace ExecOps.Tests.Bot.Spend;

/// <summary>
/// Savings recorded from chat, and the board packet's spend under Finances, drafted on 2026-11-10 from the known fortnight of
/// <see cref="SpendDataSet"/> with a $30,000 payments budget: checked section by section.
/// </summary>
public sealed class SpendBoardPacketTests() : BotTest(new()
{
    ["Spend:Budgets:0:Name"] = "payments-cloud", ["Spend:Budgets:0:Service"] = "payments", ["Spend:Budgets:0:Monthly"] = "30000",
})
{
    private const string Saving = "/spend savings \"Rightsized the card cache\" amount:1200 service:payments evidence:https://git.example.com/payments/pull/42";

    [Theory]
    [InlineData("/spend savings \"Cheaper\" service:payments evidence:https://x.example/1", "amount: must be the saving per month")]
    [InlineData("/spend savings \"Cheaper\" amount:-5 service:payments evidence:https://x.example/1", "amount: must be the saving per month")]
    [InlineData("/spend savings \"Cheaper\" amount:100 evidence:https://x.example/1", "service: must name the service that saves")]
    [InlineData("/spend savings \"Cheaper\" amount:100 service:payments", "evidence: must be a link to what shows the saving")]
    [InlineData("/spend savings amount:100 service:payments evidence:https://x.example/1", "say what was saved, in quotes")]
    public async Task A_saving_without_its_facts_is_refused_and_nothing_is_recorded(string command, string answer)
    {
        (await Playground.OneAsync("sam", command)).Text.Should().Contain("Nothing was recorded").And.Contain(answer);
        (await Playground.OneAsync("sam", "/spend savings")).Text.Should().Contain("None recorded yet");
    }

    [Fact]
    public async Task A_saving_is_recorded_by_its_services_owner_or_the_FinOps_lead_and_listed_for_the_month()
    {
        (await Playground.OneAsync("alice", Saving)).Text.Should().Be("Savings on payments are recorded by its owner (sam), the FinOps lead, execs or admins; you (Alice Chen) are none of them.");
        (await Playground.OneAsync("sam", Saving)).Text.Should().Be("Recorded SAV-1: Rightsized the card cache on payments, 1,200.00 USD a month (evidence https://git.example.com/payments/pull/42). It goes into this month's board packet.");
        (await Playground.OneAsync("lee", "/spend savings")).Text.Should().Contain("SAV-1 · Rightsized the card cache · payments · 1,200.00 USD a month · 2026-11-02").And.Contain("1,200.00 USD a month in all");
    }

    [Fact]
    public async Task The_packets_finances_carry_spend_against_budget_the_months_movers_with_their_explanations_savings_and_the_dividend_ask()
    {
        await SpendDataSet.MoversWeekAsync(Bot, Playground);
        await Playground.OneAsync("alice", "/spend explain service:search \"Reindex after the schema change\"");
        await Playground.OneAsync("sam", Saving);
        await Playground.OneAsync("dana", "/spend savings \"Dropped debug logs in search\" amount:300.50 service:search evidence:https://git.example.com/search/pull/7");
        Bot.Clock.Advance(new DateTimeOffset(2026, 11, 10, 9, 0, 0, TimeSpan.Zero) - Bot.Clock.GetUtcNow());

        var reply = await Playground.OneAsync("ceo", "/boardpacket 2026-11");
        var packet = ReportDataSet.Sections((await ReportDataSet.FilesAsync(Playground.Http, reply.Card!)).Single().Value);

        var finances = packet["Finances"];
        finances.Should().Contain("### Spend against budget\n\n| Budget | For | Monthly budget | Spent | Share | Forecast |")
            .And.Contain("| payments-cloud | payments | 30,000.00 USD | 15,500.00 USD | 52% | 51,666.67 USD |", "Nov 1 to 9: 1,000 × 3 + 2,500 × 5, forecast over 30 days");
        finances.Should().Contain("### Top spend movers")
            .And.Contain("| 2026-W45 | service payments | +7,500.00 USD (+107%) | Linked automatically: spend on payments jumped +1,500.00 on 2026-11-04, within a day of CHG-1 \"Card cache\" completing 2026-11-03 16:00 UTC. (linked by the bot) | CHG-1 |")
            .And.Contain("| 2026-W45 | service search | +7,000.00 USD (+200%) | Reindex after the schema change (Alice Chen) | none |")
            .And.Contain("| 2026-W45 | team growth | −2,800.00 USD (−20%) | no explanation yet; Priya Nair is asked | none |");
        finances.IndexOf("service payments", StringComparison.Ordinal).Should().BeLessThan(finances.IndexOf("service search", StringComparison.Ordinal), "the largest move first");
        finances.Should().Contain("### Savings shipped")
            .And.Contain("| SAV-1 | Rightsized the card cache | payments | 1,200.00 USD | https://git.example.com/payments/pull/42 | Sam Alvarez |")
            .And.Contain("| SAV-2 | Dropped debug logs in search | search | 300.50 USD | https://git.example.com/search/pull/7 | Dana Okafor |")
            .And.Contain("Savings shipped this month: 1,500.50 USD a month (18,006.00 USD a year). Whether to reinvest this savings dividend or keep it as runway is an ask for Morgan Reyes below.");
        packet["Decisions and asks"].Should().Contain("| savings-dividend: savings dividend: reinvest the 1,500.50 USD a month saved (SAV-1, SAV-2), or keep it as runway | Dana Okafor |")
            .And.Contain("| 2026-12-01 |");
    }
}
