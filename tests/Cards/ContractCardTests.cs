using ExecOps.Cards;
using ExecOps.Cards.Contracts;
using ExecOps.Cards.Incidents;
using ExecOps.Tests.Support;
using ExecOps.Tests.Workflows.Incidents;
using ExecOps.Workflows.Contracts;
using ExecOps.Workflows.Incidents;

namespace ExecOps.Tests.Cards;

/// <summary>The contract cards, and an incident card with many customer clocks, at their fullest, against the Adaptive Card schema and Block Kit limits.</summary>
public sealed class ContractCardTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 9, 0, 0, TimeSpan.Zero);
    private static readonly string Long = new('x', 2000);

    private static ContractData Fullest(int n) => new()
    {
        Id = $"CON-{n}", Number = n, Reference = $"MSA-{n}", Customer = $"Customer {n} {Long[..150]}", Tier = "enterprise", Start = new(2026, 1, 1), End = new(2027, 1, 31), NoticeDays = 60,
        Penalty = Long[..200], Owner = "alice", Services = ["payments", "search"],
        Promises = Enumerable.Range(1, 20).Select(i => new Promise(i, PromiseKind.Residency, "eu", i % 2 == 0 ? EnforcementKind.Gap : EnforcementKind.Kpi, i % 2 == 0 ? null : "uptime", "sam", new DateOnly(2027, 1, 1))).ToList(),
        Amendments = Enumerable.Range(1, 20).Select(i => new Amendment(Now, "dana", [Long[..300], "tier a → b"])).ToList(),
    };

    private static IEnumerable<(string Name, Card Card)> Cards()
    {
        var contracts = Enumerable.Range(1, 40).Select(Fullest).ToList();
        yield return ("list", ContractCards.List(contracts, TestCatalog.People));
        yield return ("show", ContractCards.Show(new Contract(contracts[0], 2, new ContractSettings(), Now), TestCatalog.People));
        yield return ("gaps", ContractCards.Gaps(contracts, TestCatalog.People));
        yield return ("upcoming", ContractCards.Upcoming(contracts, new DateOnly(2026, 11, 20), 365, TestCatalog.People));
        var incident = IncidentBuilder.In(IncidentState.Investigating);
        incident.Data.Notices.AddRange(Enumerable.Range(1, 40).Select(i => new CustomerNotice { Contract = $"CON-{i}", Customer = $"Customer {i} {Long[..100]}", Hours = 4, StartedAt = Now, Due = Now.AddHours(4), Missed = i % 3 == 0 }));
        yield return ("incident with clocks", IncidentCard.Build(incident, TestCatalog.People));
        yield return ("brief with clocks", IncidentBriefCard.Build(incident, TestCatalog.People, Now));
    }

    [Fact]
    public void Every_contract_card_is_a_valid_Adaptive_Card_1_5() => CardChecks.SchemaFaults(Cards()).Should().BeEmpty();

    [Fact]
    public void Every_contract_card_is_within_Slacks_Block_Kit_limits() => CardChecks.BlockKitFaults(Cards()).Should().BeEmpty();
}
