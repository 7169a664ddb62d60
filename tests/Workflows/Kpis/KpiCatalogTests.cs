using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ExecOps.Tests.Support;
using ExecOps.Workflows.Kpis;
using ExecOps.Workflows.People;

namespace ExecOps.Tests.Workflows.Kpis;

public sealed class KpiCatalogTests
{
    private static readonly PeopleDirectory People = new([
        Someone("ceo", "Morgan Reyes"),
        Someone("bob", "Bob Martins"),
        Someone("dana", "Dana Okafor"),
        Someone("priya", "Priya Nair"),
        Someone("alice", "Alice Chen"),
        Someone("sam", "Sam Alvarez"),
    ]);

    private static Person Someone(string id, string name) => new(id, name, $"{id}@example.com", new HashSet<string>());

    private static string CatalogPath => Path.Combine(SharedExternal.RepoRoot, "workflows", "Kpis", "kpi-catalog.json");

    [Fact]
    public void The_repos_catalog_holds_the_seeds_twelve_KPIs_each_with_an_owner_and_a_backup()
    {
        var catalog = KpiCatalog.Load(CatalogPath, People);

        // The seed playbook's §1 table, its rows as they were written: the first column.
        var table = File.ReadAllText(Path.Combine(SharedExternal.RepoRoot, "tests", "seeds", "playbook-s1-kpi-table.md"));
        var seedNames = Regex.Matches(table, @"^\| (?!KPI |---)([^|]+?) \|", RegexOptions.Multiline).Select(m => m.Groups[1].Value).ToList();

        seedNames.Should().HaveCount(12);
        catalog.Kpis.Select(k => k.Name).Should().Equal(seedNames);
        catalog.Kpis.Should().AllSatisfy(k =>
        {
            k.Owner.Should().NotBeNull();
            k.Backup.Should().NotBeNull().And.NotBe(k.Owner);
        });
        catalog.Find("MTTR")!.Direction.Should().Be(KpiDirection.Lower);
        catalog.Find("ndr")!.Name.Should().Be("Net Dollar Retention (NDR)");
    }

    [Fact]
    public void A_catalog_with_faults_is_refused_whole_with_every_fault_named_where_it_is()
    {
        var root = JsonNode.Parse(File.ReadAllText(CatalogPath))!.AsObject();
        var kpis = root["kpis"]!.AsArray();
        kpis[0]!["unit"] = "dollars";
        kpis[1]!["thresholds"] = new JsonObject { ["green"] = 100, ["yellow"] = 110 };
        kpis[2]!["owner"] = "nobody-here";
        kpis[3]!["id"] = "new-arr";
        kpis[4]!.AsObject().Remove("definition");
        kpis[5]!["freshnessHours"] = 0;

        var load = () => KpiCatalog.Parse("test.json", root, People);

        var problems = load.Should().Throw<KpiCatalogException>().Which.Problems;
        problems.Should().HaveCount(6);
        problems.Should().ContainSingle(p => p.StartsWith("kpis[0] (new-arr): unit must be one of usd, percent, count, days, hours, not \"dollars\""));
        problems.Should().ContainSingle(p => p.StartsWith("kpis[1] (ndr): with direction higher, yellow (110) must lie on the bad side of green (100)"));
        problems.Should().ContainSingle(p => p == "kpis[2] (grr): owner \"nobody-here\" is not in the people directory");
        problems.Should().ContainSingle(p => p.StartsWith("kpis[3] (new-arr): the id is used twice"));
        problems.Should().ContainSingle(p => p == "kpis[4] (onboarding-ttfv): definition is required");
        problems.Should().ContainSingle(p => p == "kpis[5] (uptime): freshnessHours must be above 0");
    }

    [Theory]
    [InlineData("{", "it is not JSON")]
    [InlineData("[]", "it must be a JSON object")]
    [InlineData("""{"version": 1.5, "effective": "2026-11-02", "kpis": []}""", "version must be a whole number")]
    [InlineData("""{"version": 1, "effective": "next week", "kpis": [{}]}""", "effective must be a date")]
    public void A_file_that_is_not_a_catalog_says_what_it_lacks(string text, string expected)
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, text);
            var load = () => KpiCatalog.Load(path, People);
            load.Should().Throw<KpiCatalogException>().WithMessage($"*{expected}*");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_KPI_without_an_owner_loads_and_is_flagged()
    {
        var root = JsonNode.Parse(File.ReadAllText(CatalogPath))!.AsObject();
        root["kpis"]![6]!.AsObject().Remove("owner");

        var catalog = KpiCatalog.Parse("test.json", root, People);

        catalog.Unowned.Select(k => k.Id).Should().Equal("change-failure-rate");
    }

    [Theory]
    [InlineData(KpiDirection.Higher, 100, KpiStatus.Green)]
    [InlineData(KpiDirection.Higher, 99.99, KpiStatus.Yellow)]
    [InlineData(KpiDirection.Higher, 90, KpiStatus.Yellow)]
    [InlineData(KpiDirection.Higher, 89.99, KpiStatus.Red)]
    [InlineData(KpiDirection.Lower, 4, KpiStatus.Green)]
    [InlineData(KpiDirection.Lower, 4.01, KpiStatus.Yellow)]
    [InlineData(KpiDirection.Lower, 8, KpiStatus.Yellow)]
    [InlineData(KpiDirection.Lower, 8.5, KpiStatus.Red)]
    public void Thresholds_rate_a_value_by_the_KPIs_direction(KpiDirection direction, double value, KpiStatus expected)
    {
        var thresholds = direction == KpiDirection.Higher ? new Thresholds(100, 90) : new Thresholds(4, 8);

        thresholds.Rate((decimal)value, direction).Should().Be(expected);
    }
}
