using ExecOps.Workflows.Ownership;
using ExecOps.Workflows.People;

namespace ExecOps.Workflows.Spend;

/// <summary>Who answers for spend, from the ownership map: a service's owner, else its team's lead, else the FinOps lead.</summary>
public sealed class SpendOwners(SpendSettings settings, OwnershipMap map, PeopleDirectory people)
{
    public string OfService(string service) =>
        (map.Find(service) is { } entry ? map.AnswersFor(entry) : null) ?? settings.FinOpsLead;

    public string OfTeam(string team) =>
        (map.FindTeam(team) is { } known ? map.LeadOf(known) : null) ?? settings.FinOpsLead;

    public string Of(SpendMoverRow row) => row.Dimension == "team" ? OfTeam(row.Name) : OfService(row.Name);

    /// <summary>The FinOps lead backs every owner up; the lead is backed up by whom they report to.</summary>
    public string BackupOf(string owner) => owner != settings.FinOpsLead ? settings.FinOpsLead : people.Find(owner)?.ReportsTo ?? owner;
}
