using System.Text.Json.Nodes;
using ExecOps.Cards;
using ExecOps.Cards.Ownership;
using ExecOps.Tests.Support;
using ExecOps.Workflows.Kernel;
using ExecOps.Workflows.Ownership;

namespace ExecOps.Tests.Cards;

/// <summary>The ownership cards at their fullest, against the official Adaptive Card schema and Slack's Block Kit limits.</summary>
public sealed class OwnershipCardTests
{
    private static OwnershipMap Large()
    {
        string Id(string what, int i) => $"{what}-{i}-{new string('x', 50)}";
        var teams = new JsonArray(Enumerable.Range(1, 40).Select(t => (JsonNode)new JsonObject
        {
            ["id"] = Id("team", t), ["name"] = new string('T', 80), ["lead"] = t % 2 == 0 ? "sam" : "gone-" + new string('g', 60), ["exec"] = "dana", ["channel"] = "c" + t,
        }).ToArray());
        var entries = new JsonArray(Enumerable.Range(1, 400).Select(i => (JsonNode)new JsonObject
        {
            ["id"] = Id("entry", i), ["kind"] = "data-set", ["name"] = new string('N', 120), ["team"] = Id("team", i % 40 + 1), ["owner"] = i % 3 == 0 ? null : "alice",
            ["onCall"] = "bob", ["tier"] = i % 4, ["dependsOn"] = new JsonArray(Enumerable.Range(1, 40).Where(d => d != i).Take(39).Select(d => (JsonNode)Id("entry", d)).ToArray()),
        }).ToArray());
        return OwnershipMap.Parse("large.json", new JsonObject { ["version"] = 3, ["effective"] = "2026-11-01", ["teams"] = teams, ["entries"] = entries }, TestCatalog.People);
    }

    private static IEnumerable<(string Name, Card Card)> Cards()
    {
        var map = Large();
        var people = TestCatalog.People;
        yield return ("map", OwnershipCards.Map(map, people));
        yield return ("entry", OwnershipCards.Entry(map, map.Entries[1], people));
        yield return ("orphan entry", OwnershipCards.Entry(map, map.Entries[2], people));
        yield return ("team", OwnershipCards.Team(map, map.Teams[0], people));
        yield return ("orphans", OwnershipCards.Orphans(map));
        yield return ("no orphans", OwnershipCards.Orphans(TestCatalog.Ownership));
        yield return ("kpi", OwnershipCards.Kpi(TestCatalog.Catalog.Kpis[0], people));
        var loads = map.Teams.Select((t, i) => new TeamLoad(t.Id, t.Name, i * 1000, i * 999, i * 998, i * 997, i % 5 == 0 ? 0 : i * 10.5m)).ToList();
        yield return ("load", OwnershipCards.Load(loads, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch.AddDays(364)));
        var audit = new OwnershipAuditData
        {
            Quarter = "2027-Q1", OpenedAt = DateTimeOffset.UnixEpoch,
            Zombies = [.. map.Entries.Select(e => new Zombie(e.Id, e.Name, e.Owner, null))],
            Orphans = [.. map.Orphans],
            Disowned = [.. map.Entries.Take(60).Select(e => new Disowning(e.Id, "bob", new string('r', 500), DateTimeOffset.UnixEpoch))],
        };
        foreach (var owner in new[] { "alice", "bob", "sam", "dana", "ceo", "priya" })
            audit.Owners[owner] = new OwnerConfirmation { Owner = owner, AskedOf = "dana", State = PromptState.BackupAsked, Entries = [.. map.Entries.Take(200).Select(e => e.Id)] };
        yield return ("audit", OwnershipAuditCards.Audit(audit, people));
        yield return ("confirmation", OwnershipAuditCards.Confirmation(audit, audit.Owners["alice"], map, people));
        audit.Owners["bob"].ConfirmedBy = "dana";
        audit.Owners["bob"].ConfirmedAt = DateTimeOffset.UnixEpoch;
        yield return ("confirmed", OwnershipAuditCards.Confirmation(audit, audit.Owners["bob"], map, people));
    }

    [Fact]
    public void Every_ownership_card_is_a_valid_Adaptive_Card_1_5() => CardChecks.SchemaFaults(Cards()).Should().BeEmpty();

    [Fact]
    public void Every_ownership_card_is_within_Slacks_Block_Kit_limits() => CardChecks.BlockKitFaults(Cards()).Should().BeEmpty();
}
