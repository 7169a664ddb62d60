using ExecOps.Cards;
using ExecOps.Cards.Reports;
using ExecOps.Tests.Support;
using ExecOps.Workflows.Reports;

namespace ExecOps.Tests.Cards;

/// <summary>The report card, with links and without (in a channel), against the official Adaptive Card schema and Slack's Block Kit limits.</summary>
public sealed class ReportCardTests
{
    private static readonly ReportData Pack = new()
    {
        Id = "readout-2026-11-22-v1", Title = "Scale readout 2026-08-23 to 2026-11-22", For = "ceo", CreatedAt = new DateTimeOffset(2026, 11, 22, 8, 0, 0, TimeSpan.Zero),
        Files = [new(ScaleReadout.ReadoutFile, new string('x', 5000)), new(ScaleReadout.DecisionLogFile, "# Decision log\n"), new(ScaleReadout.PlanFile, "# Next 90 days\n")],
    };

    private static IEnumerable<(string Name, Card Card)> Cards()
    {
        yield return ("readout pack with links", ReportCard.Build(Pack, TestCatalog.People, f => $"https://execops.example.com/reports/{Pack.Id}/{f.Name}?pass={new string('p', 120)}"));
        yield return ("readout pack in a channel", ReportCard.Build(Pack, TestCatalog.People, _ => null));
    }

    [Fact]
    public void Every_report_card_is_a_valid_Adaptive_Card_1_5() => CardChecks.SchemaFaults(Cards()).Should().BeEmpty();

    [Fact]
    public void Every_report_card_is_within_Slacks_Block_Kit_limits() => CardChecks.BlockKitFaults(Cards()).Should().BeEmpty();

    [Fact]
    public void Each_file_has_its_button_and_its_size()
    {
        var card = Cards().First().Card;

        card.Buttons.OfType<LinkButton>().Select(b => b.Title).Should().Equal(ScaleReadout.ReadoutFile, ScaleReadout.DecisionLogFile, ScaleReadout.PlanFile);
        card.Body.OfType<ListBlock>().Single().Items.Should().Equal("exec_scale_readout.md (4.9 KB)", "decision_log.md (15 B)", "next_90_plan.md (15 B)");
        Cards().Last().Card.Buttons.Should().BeEmpty("a channel's card carries no one's signed links");
    }
}
