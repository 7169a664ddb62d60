using ExecOps.Workflows.Kernel;
using ExecOps.Workflows.People;
using ExecOps.Workflows.Storage;

namespace ExecOps.Workflows.Compliance;

/// <summary>Loads a control, lets it act, and saves it with its evidence, history, messages and reminders in one transaction.</summary>
public sealed class ComplianceService(Store store, ControlCatalog catalog, ComplianceSettings settings, PeopleDirectory people)
{
    public ControlCatalog Catalog => catalog;

    /// <summary>
    /// Runs <paramref name="act"/> on the control and assesses it again; a card pressed after the control
    /// changed carries an old <paramref name="seenVersion"/> and is refused.
    /// </summary>
    public async Task<Control> ActAsync(string id, Action<Control> act, long? seenVersion = null)
    {
        await using var unit = await store.BeginAsync();
        var control = await LoadAsync(unit, id);
        control.EnsureSeen(seenVersion);
        act(control);
        await AssessAsync(unit, control);
        var saved = await SaveAsync(unit, control);
        await unit.CommitAsync();
        return saved;
    }

    public async Task<(Control Control, ControlExceptionData Exception)> RequestExceptionAsync(Actor actor, string id, DateOnly until, string compensating, string reason)
    {
        if (!actor.IsKnown) throw new RefusedException(RefusalKind.Forbidden, "Only people in the directory may ask for an exception.");
        var manager = people.Find(people.Find(catalog.Require(id).Owner)?.ReportsTo)?.Id;
        string[] approvers = [.. new[] { manager, people.Find(settings.ExceptionApprover)?.Id }.OfType<string>()];
        ControlExceptionData? requested = null;
        var control = await ActAsync(id, c => requested = c.RequestException(actor, until, compensating, reason, approvers));
        return (control, requested!);
    }

    /// <summary>Evidence from a person in chat: for the control's only kind unless <paramref name="kind"/> names one.</summary>
    public async Task<(Control Control, EvidenceItem Item, bool Added)> RecordAsync(Actor actor, string id, string? kind, string content)
    {
        var definition = catalog.Require(id);
        var need = KindOf(definition, kind);
        var text = EvidenceText(content, definition.Id);
        await using var unit = await store.BeginAsync();
        var control = await LoadAsync(unit, definition.Id);
        if (!control.MayAddEvidence(actor))
            throw new RefusedException(RefusalKind.Forbidden, $"Only {control.Id}'s owner ({definition.Owner}), its backup ({definition.Backup}), the CISO and admins add its evidence; you ({actor.Name}) may not.", control.Id);
        var (item, added) = await AppendAsync(unit, control, actor, new NewEvidence(definition.Id, need, EvidenceSource.Manual, text, unit.Now, actor.Id));
        await AssessAsync(unit, control);
        var saved = await SaveAsync(unit, control);
        await unit.CommitAsync();
        return (saved, item, added);
    }

    /// <summary>A batch from the evidence API, checked whole before anything is stored: all of it is kept, or none.</summary>
    public async Task<IReadOnlyList<(EvidenceItem Item, bool Added)>> IntakeAsync(Actor actor, IReadOnlyList<NewEvidence> batch)
    {
        await using var unit = await store.BeginAsync();
        var results = new (EvidenceItem, bool)[batch.Count];
        foreach (var group in batch.Select((evidence, index) => (Evidence: evidence, Index: index)).GroupBy(e => e.Evidence.Control))
        {
            var control = await LoadAsync(unit, group.Key);
            foreach (var (evidence, index) in group) results[index] = await AppendAsync(unit, control, actor, evidence);
            await AssessAsync(unit, control);
            await SaveAsync(unit, control);
        }
        await unit.CommitAsync();
        return results;
    }

    /// <summary>The control's evidence, for those who may read it.</summary>
    public async Task<(Control Control, IReadOnlyList<EvidenceItem> Items)> EvidenceAsync(Actor actor, string id)
    {
        var definition = catalog.Require(id);
        return await store.ReadAsync<(Control, IReadOnlyList<EvidenceItem>)>(async scope =>
        {
            var control = await FindAsync(scope, definition, scope.Now);
            if (!control.MayRead(actor))
                throw new RefusedException(RefusalKind.Forbidden, $"Only {definition.Id}'s owner ({definition.Owner}), its backup ({definition.Backup}), the CISO, auditors and admins see its evidence; you ({actor.Name}) may not.", definition.Id);
            return (control, await scope.Evidence.ListAsync(definition.Id));
        });
    }

    public Task<Control> GetAsync(string id)
    {
        var definition = catalog.Require(id);
        return store.ReadAsync(scope => FindAsync(scope, definition, scope.Now));
    }

    /// <summary>Every control of the catalog as it stands now, in catalog order.</summary>
    public Task<IReadOnlyList<ControlStanding>> StatusAsync() => store.ReadAsync<IReadOnlyList<ControlStanding>>(async scope =>
    {
        var standings = new List<ControlStanding>();
        foreach (var definition in catalog.Controls) standings.Add(await StandingAsync(scope, definition));
        return standings;
    });

    public Task<ControlStanding> StandingAsync(string id)
    {
        var definition = catalog.Require(id);
        return store.ReadAsync(scope => StandingAsync(scope, definition));
    }

    /// <summary>Every control as it stands, read inside a unit of work (for a pack drafted in the same transaction as it is saved).</summary>
    internal async Task<IReadOnlyList<ControlStanding>> StandingsAsync(UnitOfWork unit)
    {
        var standings = new List<ControlStanding>();
        foreach (var definition in catalog.Controls)
        {
            var control = await LoadAsync(unit, definition.Id);
            standings.Add(new(definition, control.Data, Health(definition, await unit.Evidence.LatestAsync(definition.Id), unit.Now)));
        }
        return standings;
    }

    internal async Task<(EvidenceItem Item, bool Added)> AppendAsync(UnitOfWork unit, Control control, Actor actor, NewEvidence evidence)
    {
        var (item, added) = await unit.Evidence.AppendAsync(evidence);
        if (added) control.Recorded(actor, item);
        return (item, added);
    }

    internal async Task AssessAsync(UnitOfWork unit, Control control) =>
        control.Assess(Health(control.Definition, await unit.Evidence.LatestAsync(control.Id), unit.Now));

    internal async Task<Control> LoadAsync(UnitOfWork unit, string id)
    {
        var definition = catalog.Require(id);
        var stored = await unit.Aggregates.FindAsync<ControlData>(Control.Kind, definition.Id);
        return New(stored?.Body ?? new ControlData { Id = definition.Id }, stored?.Version ?? 0, definition, unit.Now);
    }

    internal async Task<Control> SaveAsync(UnitOfWork unit, Control control)
    {
        var version = await unit.SaveAsync(Control.Kind, control);
        return New(control.Data, version, control.Definition, unit.Now);
    }

    /// <summary>The kind a person named, or the control's only one.</summary>
    public static string KindOf(ControlDefinition control, string? kind)
    {
        var kinds = string.Join(", ", control.Evidence.Select(e => e.Kind));
        if (kind is null)
            return control.Evidence.Count == 1 ? KindOf(control, control.Evidence[0].Kind)
                : throw new RefusedException(RefusalKind.Invalid, $"{control.Id} needs more than one kind of evidence; say which with kind:<{kinds}>.", control.Id);
        var requirement = control.Requirement(kind)
            ?? throw new RefusedException(RefusalKind.Invalid, $"kind:{kind} is not evidence {control.Id} needs; it needs {kinds}.", control.Id);
        return requirement.Collect == EvidenceSource.Manual ? requirement.Kind
            : throw new RefusedException(RefusalKind.Invalid,
                $"{control.Id}'s {requirement.Kind} is collected by the bot from its own records, so it takes no evidence by hand: a line of text must not stand in for the records.", control.Id);
    }

    public static string EvidenceText(string content, string control)
    {
        var text = Bounds.Text(content, "The evidence", Bounds.Note, control);
        return text.Length > 0 ? text
            : throw new RefusedException(RefusalKind.Invalid, $"Give the evidence: a link or a line of text, e.g. `/compliance evidence {control} https://wiki.example.com/access-review-q4`.", control);
    }

    private IReadOnlyList<RequirementHealth> Health(ControlDefinition definition, IReadOnlyDictionary<string, DateTimeOffset> latest, DateTimeOffset now) =>
        ControlHealth.Of(definition, latest, catalog.Effective, settings.Grace, now);

    private async Task<ControlStanding> StandingAsync(ReadScope scope, ControlDefinition definition)
    {
        var control = await FindAsync(scope, definition, scope.Now);
        return new(definition, control.Data, Health(definition, await scope.Evidence.LatestAsync(definition.Id), scope.Now));
    }

    private async Task<Control> FindAsync(ReadScope scope, ControlDefinition definition, DateTimeOffset now)
    {
        var stored = await scope.Aggregates.FindAsync<ControlData>(Control.Kind, definition.Id);
        return New(stored?.Body ?? new ControlData { Id = definition.Id }, stored?.Version ?? 0, definition, now);
    }

    private Control New(ControlData data, long version, ControlDefinition definition, DateTimeOffset now) =>
        new(data, version, definition, settings, people.WithRole(Roles.Ciso).Select(p => p.Id).ToList(), now);
}
