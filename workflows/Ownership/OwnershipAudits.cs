using ExecOps.Workflows.Compliance;
using ExecOps.Workflows.Kernel;
using ExecOps.Workflows.People;
using ExecOps.Workflows.Storage;

namespace ExecOps.Workflows.Ownership;

/// <summary>Loads a quarter's ownership audit, lets it act, and saves it with its messages, reminders and tasks in one transaction.</summary>
public sealed class OwnershipAudits(Store store, OwnershipMap map, OwnershipSettings settings)
{
    /// <summary>Opens the quarter's audit, once: a redelivered rhythm finds it open and asks nobody again.</summary>
    public async Task<OwnershipAudit> OpenAsync(UnitOfWork unit, string quarter)
    {
        if (await FindAsync(unit, quarter) is { } open) return open;
        var audit = OwnershipAudit.Open(quarter, map, await Zombies.FindAsync(unit, map, settings.ZombieDays), settings, unit.Now);
        return await SaveAsync(unit, audit);
    }

    public Task<OwnershipAudit> ConfirmAsync(Actor actor, string? quarter, string? owner = null) => ActAsync(quarter, audit => audit.Confirm(actor, owner));

    public Task<OwnershipAudit> DisownAsync(Actor actor, string entry, string reason) => ActAsync(null, audit =>
    {
        var disowned = map.Require(entry);
        audit.Disown(actor, disowned, map.LeadOf(map.TeamOf(disowned)), reason);
    });

    public async Task RemindAsync(UnitOfWork unit, string confirmationId, bool backup)
    {
        var slash = confirmationId.IndexOf('/');
        if (slash < 0 || await FindAsync(unit, confirmationId[..slash]) is not { } audit) return;
        var owner = confirmationId[(slash + 1)..];
        if (backup) audit.AskBackup(owner, BackupOf(owner, audit.Data.Owners.GetValueOrDefault(owner)?.Entries ?? []));
        else audit.Remind(owner);
        await SaveAsync(unit, audit);
    }

    /// <summary>The quarter's audit, or the latest one when no quarter is named.</summary>
    public Task<OwnershipAuditData> AuditAsync(string? quarter) => store.ReadAsync(async scope =>
    {
        var audits = (await scope.Aggregates.ListAsync<OwnershipAuditData>(OwnershipAudit.Kind)).Select(s => s.Body).ToList();
        return (quarter is null ? audits.MaxBy(a => a.OpenedAt) : audits.FirstOrDefault(a => a.Quarter == quarter)) ?? throw NotFound(quarter);
    });

    public string QuarterOf(DateTimeOffset at) => Control.QuarterOf(at, settings.TimeZone);

    /// <summary>The lead of the team of the first thing still asked of the owner, or that team's exec when the owner is its lead.</summary>
    private string BackupOf(string owner, IReadOnlyList<string> asked)
    {
        var team = asked.Select(map.Find).OfType<OwnedEntry>().Select(map.TeamOf).FirstOrDefault();
        if (team is null) return owner;
        return map.LeadOf(team) is { } lead && lead != owner ? lead : map.ExecOf(team) ?? owner;
    }

    private async Task<OwnershipAudit> ActAsync(string? quarter, Action<OwnershipAudit> act)
    {
        await using var unit = await store.BeginAsync();
        var audit = await FindAsync(unit, quarter ?? QuarterOf(unit.Now)) ?? throw NotFound(quarter);
        act(audit);
        var saved = await SaveAsync(unit, audit);
        await unit.CommitAsync();
        return saved;
    }

    private static RefusedException NotFound(string? quarter) => new(RefusalKind.NotFound, quarter is null
        ? "There is no ownership audit open this quarter: the rhythm opens one on the first Monday of each quarter."
        : $"There is no ownership audit of {quarter}; `/owner audit` shows the latest.", quarter ?? "ownership-audit");

    private async Task<OwnershipAudit?> FindAsync(UnitOfWork unit, string quarter) =>
        await unit.Aggregates.FindAsync<OwnershipAuditData>(OwnershipAudit.Kind, quarter) is { } stored ? new OwnershipAudit(stored.Body, stored.Version, settings, unit.Now) : null;

    private async Task<OwnershipAudit> SaveAsync(UnitOfWork unit, OwnershipAudit audit) =>
        new(audit.Data, await unit.SaveAsync(OwnershipAudit.Kind, audit), settings, unit.Now);
}
