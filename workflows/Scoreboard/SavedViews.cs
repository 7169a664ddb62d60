using System.Text.RegularExpressions;
using ExecOps.Workflows.People;
using ExecOps.Workflows.Storage;
using ExecOps.Workflows.Kernel;

namespace ExecOps.Workflows.Scoreboard;

/// <summary>A person's named scoreboard view (seed §2: "persisted view URLs for each persona").</summary>
public sealed record SavedView(string Name, string Owner, Slice Slice);

/// <summary>Personal saved views: each person's own, by a short name.</summary>
public sealed partial class SavedViews(Store store)
{
    public const string Kind = "scoreboard-view";

    public async Task<SavedView> SaveAsync(Actor actor, string name, Slice slice, IReadOnlyCollection<string> reserved)
    {
        name = name.Trim().ToLowerInvariant();
        if (!NamePattern().IsMatch(name) || reserved.Contains(name))
            throw new RefusedException(RefusalKind.Invalid,
                $"`{name}` cannot name a view: use 1–32 letters, digits or dashes, not one of {string.Join(", ", reserved)}, e.g. `/scoreboard save my-emea segment:emea`.");
        var view = new SavedView(name, actor.Id, slice);
        await store.WriteAsync(async unit =>
        {
            var id = Id(actor, name);
            var existing = await unit.Aggregates.FindAsync<SavedView>(Kind, id);
            await unit.Aggregates.SaveAsync(Kind, id, "saved", view, existing?.Version ?? 0);
            await unit.AuditAsync(id);
            return true;
        });
        return view;
    }

    public Task<SavedView?> FindAsync(Actor actor, string name) =>
        store.ReadAsync(async scope => (await scope.Aggregates.FindAsync<SavedView>(Kind, Id(actor, name.Trim().ToLowerInvariant())))?.Body);

    public Task<IReadOnlyList<SavedView>> ListAsync(Actor actor) =>
        store.ReadAsync<IReadOnlyList<SavedView>>(async scope =>
            (await scope.Aggregates.ListAsync<SavedView>(Kind)).Select(s => s.Body).Where(v => v.Owner == actor.Id).OrderBy(v => v.Name).ToList());

    private static string Id(Actor actor, string name) => $"{actor.Id}/{name}";

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,31}$")]
    private static partial Regex NamePattern();
}
