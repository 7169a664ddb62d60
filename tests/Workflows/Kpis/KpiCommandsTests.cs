using ExecOps.Tests.Support;
using ExecOps.Workflows;
using ExecOps.Workflows.Commands;
using ExecOps.Workflows.Kpis;

namespace ExecOps.Tests.Workflows.Kpis;

/// <summary>The `/kpi` grammar against a catalog, from words to typed requests, without the bot around it.</summary>
public sealed class KpiCommandsTests
{
    private static readonly KpiCatalog Catalog = TestCatalog.Catalog;

    private static KpiRequest Parse(string text) => KpiCommands.Parse(CommandParser.Parse(text), Catalog);

    [Fact]
    public void A_proposal_separates_what_changes_from_what_the_rfc_needs()
    {
        var proposal = Parse("/kpi propose uptime target:99.95 impact:\"x\" validation:\"y\" migration:\"z\" effective:2027-01-04").Should().BeOfType<ProposeKpiChange>().Subject;

        proposal.Kpi.Id.Should().Be("uptime");
        proposal.Changes.Should().Equal(new Dictionary<string, string> { ["target"] = "99.95" });
        (proposal.Impact, proposal.Validation, proposal.Migration, proposal.EffectiveOn).Should().Be(("x", "y", "z", new DateOnly(2027, 1, 4)));
    }

    [Theory]
    [InlineData("/kpi show", "Which KPI?")]
    [InlineData("/kpi show weather", "There is no KPI called `weather`")]
    [InlineData("/kpi propose uptime colour:blue effective:2027-01-04", "`colour:` is not something a change can set")]
    [InlineData("/kpi propose uptime target:99.9 effective:soon", "effective:soon must be the date")]
    [InlineData("/kpi import", "Put the CSV after `/kpi import`")]
    [InlineData("/kpi grow", "`/kpi grow` is not a KPI command")]
    public void Bad_words_are_refused_saying_what_was_wrong(string text, string message) =>
        FluentActions.Invoking(() => Parse(text)).Should().Throw<RefusedException>().Which.Message.Should().Contain(message);
}
