using ExecOps.Workflows.Ownership;
using ExecOps.Workflows.People;
using ExecOps.Workflows.Reminders;
using ExecOps.Workflows.Storage;
using ExecOps.Workflows.Kernel;

namespace ExecOps.Workflows.Changes;

/// <summary>Grants, expires and reviews break-glass access, each in one transaction with its audit row, messages and reminders.</summary>
public sealed class BreakGlasses(Store store, ChangeSettings settings, OwnershipMap map)
{
    public Task<BreakGlass> GrantAsync(Actor actor, string service, string reason, TimeSpan duration) => WriteAsync(async unit =>
    {
        var grant = BreakGlass.Grant(await unit.Counters.NextAsync(BreakGlass.Kind), actor, service, reason, duration, settings, map, unit.Now);
        await unit.Audit.AppendAsync(actor.Id, "breakglass.grant", grant.Data.Id, "allowed", $"{grant.Data.Service} until {grant.Data.Until:o}: {grant.Data.Reason}");
        return grant;
    });

    public Task<BreakGlass> ReviewAsync(Actor actor, string id, string review) => WriteAsync(async unit =>
    {
        var grant = await LoadAsync(unit, id);
        grant.FileReview(actor, review);
        await unit.Audit.AppendAsync(actor.Id, "breakglass.review", grant.Data.Id, "allowed", grant.Data.Review!);
        return grant;
    });

    public Task<IReadOnlyList<BreakGlassData>> ActiveAsync() => store.ReadAsync<IReadOnlyList<BreakGlassData>>(async scope =>
        (await scope.Aggregates.ListAsync<BreakGlassData>(BreakGlass.Kind, [nameof(BreakGlassState.Active)])).Select(s => s.Body).ToList());

    /// <summary>A grant's expiry came, or its review is due: expire it (audited) or remind its holder.</summary>
    internal async Task OnReminderAsync(UnitOfWork unit, Reminder reminder)
    {
        var grant = await LoadAsync(unit, reminder.SubjectId);
        if (reminder.Kind == BreakGlass.ExpiryDue)
        {
            grant.Expire();
            await unit.Audit.AppendAsync(Actor.System.Id, "breakglass.expire", grant.Data.Id, "allowed", $"{grant.Data.Person} on {grant.Data.Service}");
        }
        else grant.RemindReview();
        await SaveAsync(unit, grant);
    }

    private async Task<BreakGlass> WriteAsync(Func<UnitOfWork, Task<BreakGlass>> act)
    {
        await using var unit = await store.BeginAsync();
        var grant = await act(unit);
        var saved = await SaveAsync(unit, grant);
        await unit.CommitAsync();
        return saved;
    }

    private async Task<BreakGlass> LoadAsync(UnitOfWork unit, string id)
    {
        var stored = await unit.Aggregates.FindAsync<BreakGlassData>(BreakGlass.Kind, id.Trim())
            ?? throw new RefusedException(RefusalKind.NotFound, $"There is no break-glass grant called `{id}`.", id);
        return new BreakGlass(stored.Body, stored.Version, settings, unit.Now);
    }

    private async Task<BreakGlass> SaveAsync(UnitOfWork unit, BreakGlass grant)
    {
        var version = await unit.SaveAsync(BreakGlass.Kind, grant);
        return new BreakGlass(grant.Data, version, settings, unit.Now);
    }
}
