using ExecOps.Workflows.Kpis;
using ExecOps.Workflows.Ownership;
using ExecOps.Workflows.People;

namespace ExecOps.Tests.Support;

/// <summary>The repository's KPI catalog, read as the bot reads it, with the people it names.</summary>
public static class TestCatalog
{
    public static readonly PeopleDirectory People = new(new[] { "ceo", "dana", "alice", "bob", "priya", "sam" }
        .Select(id => new Person(id, $"Person {id}", $"{id}@example.com", new HashSet<string>())));

    public static readonly KpiCatalog Catalog = KpiCatalog.Load(Path.Combine(AppContext.BaseDirectory, "kpi-catalog.json"), People);

    public static readonly OwnershipMap Ownership = OwnershipMap.Load(Path.Combine(AppContext.BaseDirectory, "ownership-map.json"), People);
}
