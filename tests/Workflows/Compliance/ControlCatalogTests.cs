using System.Text.Json.Nodes;
using ExecOps.Tests.Support;
using ExecOps.Workflows.Compliance;
using ExecOps.Workflows.People;

namespace ExecOps.Tests.Workflows.Compliance;

public sealed class ControlCatalogTests
{
    private static readonly PeopleDirectory People = new([
        Someone("ceo", Roles.Exec), Someone("dana", Roles.Exec, Roles.Ciso), Someone("alice", Roles.Director), Someone("sam", Roles.Director), Someone("lee"),
    ]);

    private static Person Someone(string id, params string[] roles) => new(id, id, $"{id}@example.com", roles.ToHashSet());

    private static string CatalogPath => Path.Combine(SharedExternal.RepoRoot, "workflows", "Compliance", "control-catalog.json");

    [Fact]
    public void The_repos_catalog_covers_change_access_incidents_backups_and_vendors_each_owned_by_a_director_with_a_backup()
    {
        var catalog = ControlCatalog.Load(CatalogPath, People);

        catalog.Controls.Should().HaveCountGreaterThanOrEqualTo(10).And.HaveCountLessThanOrEqualTo(15);
        catalog.Controls.Select(c => c.Id).Should().OnlyHaveUniqueItems();
        catalog.Controls.Should().AllSatisfy(c =>
        {
            c.Backup.Should().NotBe(c.Owner);
            c.Frameworks.Should().Contain(f => f.StartsWith("SOC 2 ")).And.Contain(f => f.StartsWith("ISO 27001 "));
        });
        foreach (var (clause, about) in new[] { ("SOC 2 CC8.1", "change"), ("SOC 2 CC6.2", "access"), ("SOC 2 CC7.4", "incident"), ("SOC 2 A1.2", "backup"), ("SOC 2 CC9.2", "vendor") })
            catalog.Controls.Should().Contain(c => c.Frameworks.Contains(clause), "the sample covers {0}", about);
        catalog.Controls.SelectMany(c => c.Evidence).Select(e => e.Collect).Distinct().Should().BeEquivalentTo(Enum.GetValues<EvidenceSource>(),
            "every record the bot can collect feeds a control, and some evidence comes from people");
        catalog.Find("ctrl-6")!.Evidence.Select(e => (e.Kind, e.Every)).Should().Equal(("backup-report", Cadence.Monthly), ("restore-test", Cadence.Quarterly));
    }

    [Fact]
    public void A_catalog_with_faults_is_refused_whole_with_every_fault_named_where_it_is()
    {
        var root = JsonNode.Parse(File.ReadAllText(CatalogPath))!.AsObject();
        var controls = root["controls"]!.AsArray();
        controls[0]!["id"] = "C-1";
        controls[1]!["owner"] = "lee";
        controls[2]!["backup"] = "alice";
        controls[3]!["evidence"]![0]!["every"] = "fortnightly";
        controls[4]!["evidence"]![0]!["collect"] = "slack-history";
        controls[5]!["frameworks"] = new JsonArray();
        controls[6]!["id"] = "CTRL-8";
        controls[7]!.AsObject().Remove("title");
        controls[8]!["owner"] = "nobody-here";

        var problems = FluentActions.Invoking(() => ControlCatalog.Parse("test.json", root, People)).Should().Throw<ControlCatalogException>().Which.Problems;

        problems.Should().BeEquivalentTo(
        [
            "controls[0]: id must be CTRL- and a number (like CTRL-4), not \"C-1\"",
            "controls[1] (CTRL-2): owner \"lee\" must be a director or an exec (roles director or exec in the People section)",
            "controls[2] (CTRL-3): the backup must be someone other than the owner",
            "controls[3] (CTRL-4) evidence[0]: every must be one of daily, weekly, monthly, quarterly, yearly, not \"fortnightly\"",
            "controls[4] (CTRL-5) evidence[0]: collect must be one of manual, change-approvals, breakglass-reviews, postmortems, risk-decisions, rollback-drills, audit-chain, vendor-reviews, not \"slack-history\"",
            "controls[5] (CTRL-6): frameworks must be a non-empty list of names, e.g. [\"SOC 2 CC8.1\"]",
            "controls[7] (CTRL-8): the id is used twice; ids must be unique",
            "controls[7] (CTRL-8): title is required",
            "controls[8] (CTRL-9): owner \"nobody-here\" is not in the people directory",
        ]);
    }

    [Theory]
    [InlineData("{", "it is not JSON")]
    [InlineData("[]", "it must be a JSON object")]
    [InlineData("""{"version": 0, "effective": "2026-11-01", "controls": []}""", "version must be a whole number above 0")]
    [InlineData("""{"version": 1, "effective": "2026-11-01", "controls": []}""", "controls must be a non-empty list")]
    public void A_file_that_is_not_a_catalog_says_what_it_lacks(string text, string expected)
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, text);
            FluentActions.Invoking(() => ControlCatalog.Load(path, People)).Should().Throw<ControlCatalogException>().WithMessage($"*{expected}*");
        }
        finally
        {
            File.Delete(path);
        }
    }
}
