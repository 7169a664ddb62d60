using System.Text.Json.Nodes;
using ExecOps.Tests.Support;
using ExecOps.Workflows.Ownership;
using ExecOps.Workflows.People;

namespace ExecOps.Tests.Workflows.Ownership;

public sealed class OwnershipMapTests
{
    private static readonly PeopleDirectory People = new(new[] { "ceo", "dana", "alice", "bob", "priya", "sam" }
        .Select(id => new Person(id, $"Person {id}", $"{id}@example.com", new HashSet<string>())));

    private static string MapPath => Path.Combine(SharedExternal.RepoRoot, "workflows", "Ownership", "ownership-map.json");

    private static JsonObject Map() => JsonNode.Parse(File.ReadAllText(MapPath))!.AsObject();

    [Fact]
    public void The_repos_map_names_an_owner_a_team_and_a_tier_for_everything_and_knows_what_depends_on_what()
    {
        var map = OwnershipMap.Load(MapPath, People);

        map.Orphans.Should().BeEmpty();
        var payments = map.Find("Payments")!;
        (payments.Tier, map.OwnerOf(payments), map.OnCallOf(payments), map.ChannelOf(payments)).Should().Be((0, "sam", "sam", "payments"));
        payments.DependsOn.Should().Equal("identity", "ledger");
        map.DependentsOf(map.Find("identity")!).Select(e => e.Id).Should().Equal("payments", "search");
        map.LeadOf(map.FindTeam("growth")!).Should().Be("priya");
    }

    [Fact]
    public void A_map_with_faults_is_refused_whole_with_every_fault_named_where_it_is()
    {
        var root = Map();
        var entries = root["entries"]!.AsArray();
        entries[0]!["team"] = "billing";
        entries[1]!["tier"] = 5;
        entries[2]!["kind"] = "microservice";
        entries[3]!["id"] = "payments";
        entries[4]!["dependsOn"] = new JsonArray("search-index", "nowhere");
        root["teams"]!.AsArray()[0]!.AsObject().Remove("channel");
        entries[5]!["rto"] = "an hour";

        var load = () => OwnershipMap.Parse("test.json", root, People);

        var problems = load.Should().Throw<OwnershipMapException>().Which.Problems;
        problems.Should().BeEquivalentTo(
            "teams[0] (payments-core): channel is required",
            "entries[0] (payments): team \"billing\" is not one of the map's teams (payments-core, discovery, identity, growth, data)",
            "entries[1] (search): tier must be a whole number from 0 to 3",
            "entries[2] (identity): kind must be one of service, system, data-set, not \"microservice\"",
            "entries[3] (payments): the id is used twice; ids must be unique",
            "entries (search-index): it cannot depend on itself",
            "entries[5] (warehouse): rto must be a duration above zero written hh:mm:ss, like \"01:00:00\"",
            "entries (search-index): dependsOn names \"nowhere\", which is not an entry of the map");
    }

    [Fact]
    public void Someone_who_left_the_directory_does_not_stop_start_up_what_they_owned_is_an_orphan_and_falls_to_the_team_lead()
    {
        var root = Map();
        root["entries"]!.AsArray()[0]!["owner"] = "sam-who-left";
        root["entries"]!.AsArray()[0]!["onCall"] = "sam-who-left";
        root["entries"]!.AsArray()[5]!.AsObject().Remove("owner");
        root["teams"]!.AsArray()[1]!["lead"] = "alice-who-left";

        var map = OwnershipMap.Parse("test.json", root, People);

        map.Orphans.Select(o => $"{o.Id}: {o.Reason}").Should().Equal(
            "payments: its owner \"sam-who-left\" is not in the directory any more",
            "warehouse: no owner is named",
            "discovery: its lead \"alice-who-left\" is not in the directory any more");
        var payments = map.Find("payments")!;
        (map.OwnerOf(payments), map.AnswersFor(payments), map.OnCallOf(payments), map.ApproverOf(payments)).Should().Be((null, "sam", "sam", "sam"));
    }

    [Fact]
    public void An_amendment_changes_one_field_of_one_entry_or_team()
    {
        var map = OwnershipMap.Load(MapPath, People);

        map.Apply(new OwnershipAmendment("payments", false, "owner", "priya", "ceo", DateTimeOffset.UnixEpoch));
        map.Apply(new OwnershipAmendment("identity", true, "lead", "bob", "ceo", DateTimeOffset.UnixEpoch));

        map.OwnerOf(map.Find("payments")!).Should().Be("priya");
        map.OwnerOf(map.Find("identity")!).Should().Be("sam", "the team identity changed, not the service of the same name");
        map.LeadOf(map.FindTeam("identity")!).Should().Be("bob");
    }
}
