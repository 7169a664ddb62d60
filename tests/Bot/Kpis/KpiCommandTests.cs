using ExecOps.Tests.Support;
using ExecOps.Workflows.Kpis;

namespace ExecOps.Tests.Bot.Kpis;

public sealed class KpiCommandTests : BotTest
{
    [Fact]
    public async Task Kpi_owners_lists_every_KPI_with_its_owner_and_backup()
    {
        var reply = await Playground.OneAsync("lee", "/kpi owners");

        reply.Visibility.Should().Be("ephemeral");
        var text = reply.Card!.ToJsonString();
        text.Should().Contain("Catalog v1").And.Contain("12 KPIs");
        text.Should().Contain("MTTR: Alice Chen (SRE Lead), backup Sam Alvarez");
        text.Should().Contain("New ARR: Bob Martins (VP Sales Ops), backup Dana Okafor");
    }

    [Fact]
    public async Task Kpi_show_gives_the_governed_definition()
    {
        var reply = await Playground.OneAsync("lee", "/kpi show mttr");

        var facts = CardJson.Facts(reply.Card!);
        facts.Should().Contain("Better when: lower").And.Contain("Weekly target: 4 h").And.Contain("Data source: Incident system");
        facts.Should().Contain("Green / yellow: green at 4 h, yellow to 8 h, red above");
    }

    [Theory]
    [InlineData("/kpi show", "Which KPI?")]
    [InlineData("/kpi show revenue-per-dog", "There is no KPI called `revenue-per-dog`")]
    [InlineData("/kpi frobnicate", "`/kpi frobnicate` is not a KPI command")]
    public async Task A_KPI_command_that_cannot_be_answered_says_why_and_what_to_type(string command, string expected)
    {
        var reply = await Playground.OneAsync("alice", command);

        reply.Text.Should().Contain(expected);
    }
}

public sealed class KpiCatalogStartupTests
{
    [Fact]
    public void A_bad_catalog_stops_start_up_naming_the_fault()
    {
        using var database = new TempDatabase();
        var path = Path.Combine(database.Folder, "catalog.json");
        File.WriteAllText(path, """{"version": 1, "effective": "2026-11-02", "kpis": [{"id": "Bad Id"}]}""");
        using var bot = new BotFactory(database, settings: new() { ["Kpis:CatalogPath"] = path });

        var start = () => bot.CreateClient();

        start.Should().Throw<KpiCatalogException>().WithMessage("*kpis[0]: id must be lower-case letters*");
    }
}
