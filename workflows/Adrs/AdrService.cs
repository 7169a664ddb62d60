using ExecOps.Workflows.Decisions;
using ExecOps.Workflows.Kernel;
using ExecOps.Workflows.People;
using ExecOps.Workflows.Reminders;
using ExecOps.Workflows.Reports;
using ExecOps.Workflows.Storage;

namespace ExecOps.Workflows.Adrs;

/// <summary>Loads an ADR, lets it act, and saves it with its timeline, messages and reminders in one transaction; exports them all.</summary>
public sealed class AdrService(Store store, AdrSettings settings, PeopleDirectory people)
{
    public async Task<Adr> ProposeAsync(Actor actor, ProposeAdr request)
    {
        await using var unit = await store.BeginAsync();
        (string, string?)? funded = null;
        if (request.FundedBy is { } id)
        {
            var decision = await unit.Aggregates.FindAsync<DecisionData>(Decision.Kind, id)
                ?? throw new RefusedException(RefusalKind.NotFound, $"There is no decision {id} in the decision log; name the one that funded this, or leave funded-by: out. Nothing was recorded.", id);
            funded = (decision.Body.Id, decision.Body.Approver);
        }
        var adr = Adr.Propose(await unit.Counters.NextAsync(Adr.Kind), request.Title, request.Context, request.Decision, request.Consequences, funded, actor, settings, unit.Now);
        var saved = await SaveAsync(unit, adr);
        await unit.CommitAsync();
        return saved;
    }

    public Task<Adr> AcceptAsync(Actor actor, AcceptAdr request) => WriteAsync(async unit =>
    {
        var adr = await LoadAsync(unit, request.Id);
        adr.EnsureSeen(request.Seen);
        adr.Accept(actor);
        return await SaveAsync(unit, adr);
    });

    public Task<Adr> SupersedeAsync(Actor actor, SupersedeAdr request) => WriteAsync(async unit =>
    {
        var (older, newer) = (await LoadAsync(unit, request.Id), await LoadAsync(unit, request.By));
        older.SupersedeBy(actor, newer);
        await SaveAsync(unit, newer);
        return await SaveAsync(unit, older);
    });

    public Task<Adr> GetAsync(string id) => store.ReadAsync(async scope =>
        await scope.Aggregates.FindAsync<AdrData>(Adr.Kind, id) is { } stored ? new Adr(stored.Body, stored.Version, settings, scope.Now) : throw NotFound(id));

    public Task<IReadOnlyList<AdrData>> ListAsync() => store.ReadAsync<IReadOnlyList<AdrData>>(async scope =>
        (await scope.Aggregates.ListAsync<AdrData>(Adr.Kind)).Select(s => s.Body).OrderByDescending(a => a.Number).ToList());

    /// <summary>Every ADR as its file, drafted as a report for the one who asked: a card with the files' links, the files delivered with it where the platform takes files.</summary>
    public Task<ReportData> ExportAsync(Actor actor) => store.WriteAsync(async unit =>
    {
        var all = (await unit.Aggregates.ListAsync<AdrData>(Adr.Kind)).Select(s => s.Body).OrderBy(a => a.Number).ToList();
        if (all.Count == 0) throw new RefusedException(RefusalKind.NotFound, "There are no ADRs to export yet; `/adr new` proposes one.");
        var byId = all.ToDictionary(a => a.Id);
        var files = all.Select(a => new ReportFile(AdrMarkdown.FileName(a), AdrMarkdown.Render(a, byId, people.NameOf))).ToList();
        return await ReportDrafts.SaveAsync(unit, $"adrs-{unit.Now:yyyy-MM-dd}", "Architecture decision records", actor, files,
            $"{all.Count} ADR(s) as Markdown files, one per decision: commit them under {AdrMarkdown.Folder}/ in your repository ({string.Join(", ", files.Select(f => f.Name))}).");
    });

    public async Task RemindAsync(UnitOfWork unit, Reminder reminder)
    {
        if (await unit.Aggregates.FindAsync<AdrData>(Adr.Kind, reminder.SubjectId) is not { } stored) return;
        var adr = new Adr(stored.Body, stored.Version, settings, unit.Now);
        adr.RemindDeciders();
        await SaveAsync(unit, adr);
    }

    private async Task<Adr> WriteAsync(Func<UnitOfWork, Task<Adr>> act)
    {
        await using var unit = await store.BeginAsync();
        var saved = await act(unit);
        await unit.CommitAsync();
        return saved;
    }

    private async Task<Adr> LoadAsync(UnitOfWork unit, string id) =>
        await unit.Aggregates.FindAsync<AdrData>(Adr.Kind, id) is { } stored ? new Adr(stored.Body, stored.Version, settings, unit.Now) : throw NotFound(id);

    private static RefusedException NotFound(string id) => new(RefusalKind.NotFound, $"There is no {id}; `/adr` lists the ADRs.", id);

    private async Task<Adr> SaveAsync(UnitOfWork unit, Adr adr) => new(adr.Data, await unit.SaveAsync(Adr.Kind, adr), settings, unit.Now);
}
