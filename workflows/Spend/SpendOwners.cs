using ExecOps.Workflows.Changes;
using ExecOps.Workflows.People;

namespace ExecOps.Workflows.Spend;

/// <summary>Who answers for spend: a service's owner (Changes:Services), else its team's (Spend:TeamOwners), else the FinOps lead.</summary>
public sealed class SpendOwners(SpendSettings settings, ChangeSettings changes, PeopleDirectory people)
{
    public string OfService(string service) =>
        changes.Service(service) is { } known ? known.Owner is { Length: > 0 } owner ? owner : OfTeam(known.Team) : settings.FinOpsLead;

    public string OfTeam(string team) =>
        settings.TeamOwners.FirstOrDefault(t => t.Key.Equals(team, StringComparison.OrdinalIgnoreCase)).Value is { Length: > 0 } owner ? owner : settings.FinOpsLead;

    public string Of(SpendMoverRow row) => row.Dimension == "team" ? OfTeam(row.Name) : OfService(row.Name);

    /// <summary>The FinOps lead backs every owner up; the lead is backed up by whom they report to.</summary>
    public string BackupOf(string owner) => owner != settings.FinOpsLead ? settings.FinOpsLead : people.Find(owner)?.ReportsTo ?? owner;
}
