using ExecOps.Workflows.Incidents;
using ExecOps.Workflows.Kernel;
using ExecOps.Workflows.People;
using ExecOps.Workflows.Storage;

namespace ExecOps.Workflows.Contracts;

/// <summary>What came of an import: each contract's receipt, or every fault (and nothing stored).</summary>
public sealed record ContractImport(IReadOnlyList<ContractReceipt> Receipts, IReadOnlyList<Scoreboard.RejectedRow> Rejected);

/// <summary>What an import did to one contract.</summary>
public sealed record ContractReceipt(string Id, string Reference, string Outcome, IReadOnlyList<string> Changes);

/// <summary>
/// Loads contracts, imports and amends them, and saves each with its history and reminders in one transaction; also where
/// an incident finds the customers it must notify. Every amendment is audited with who made it and what changed.
/// </summary>
public sealed class ContractService(Store store, ContractSettings settings, ContractIntake intake) : INoticeObligations
{
    public const string Created = "created";
    public const string Amended = "amended";
    public const string Unchanged = "unchanged";

    public static void EnsureMayImport(Actor actor)
    {
        if (!actor.Has(Roles.Legal) && !actor.Has(Roles.Admin) && !actor.Has(Roles.Exec))
            throw new RefusedException(RefusalKind.Forbidden, $"Contracts are imported and amended by Legal, admins and execs; you ({actor.Name}) are none of these.");
    }

    /// <summary>Who the audit log and a contract's amendments name for what came in by the contracts API (its token is its authority).</summary>
    public static readonly Actor ByToken = new("contracts-api", "the contracts API", null);

    /// <summary>An import from chat: Legal, admins and execs only.</summary>
    public Task<ContractImport> ImportAsync(Actor actor, IReadOnlyList<ContractInput?> batch)
    {
        EnsureMayImport(actor);
        return ImportCheckedAsync(actor, batch);
    }

    /// <summary>An import from the contracts API, authenticated by its bearer token.</summary>
    public Task<ContractImport> ImportByTokenAsync(IReadOnlyList<ContractInput?> batch) => ImportCheckedAsync(ByToken, batch);

    private async Task<ContractImport> ImportCheckedAsync(Actor actor, IReadOnlyList<ContractInput?> batch)
    {
        var (terms, rejected) = intake.Check(batch, store.Clock.GetUtcNow());
        return rejected.Count > 0 ? new ContractImport([], rejected) : new ContractImport(await StoreAsync(actor, terms), []);
    }

    /// <summary>All of the import or none: a contract already held (by its reference) is amended, one held as it is left alone.</summary>
    private async Task<IReadOnlyList<ContractReceipt>> StoreAsync(Actor actor, IReadOnlyList<ContractTerms> batch)
    {
        await using var unit = await store.BeginAsync();
        var held = (await unit.Aggregates.ListAsync<ContractData>(Contract.Kind)).GroupBy(s => s.Body.Reference, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.OrderBy(s => s.Body.Number).First(), StringComparer.OrdinalIgnoreCase);
        var receipts = new List<ContractReceipt>();
        foreach (var terms in batch)
        {
            if (!held.TryGetValue(terms.Reference, out var stored))
            {
                var created = Contract.Create(await unit.Counters.NextAsync(Contract.Kind), terms, actor, settings, unit.Now);
                await unit.SaveAsync(Contract.Kind, created);
                receipts.Add(new(created.Id, terms.Reference, Created, []));
                continue;
            }
            var contract = new Contract(stored.Body, stored.Version, settings, unit.Now);
            var changes = contract.Amend(actor, terms);
            if (changes.Count == 0)
            {
                receipts.Add(new(contract.Id, terms.Reference, Unchanged, []));
                continue;
            }
            await AuditAsync(unit, actor, contract, changes);
            await unit.SaveAsync(Contract.Kind, contract);
            receipts.Add(new(contract.Id, terms.Reference, Amended, changes));
        }
        await unit.CommitAsync();
        return receipts;
    }

    /// <summary>A contract's tier changed from chat: its terms with the new tier, amended as an import would.</summary>
    public async Task<(Contract Contract, IReadOnlyList<string> Changes)> AmendTierAsync(Actor actor, string id, string tier)
    {
        EnsureMayImport(actor);
        tier = tier.Trim().ToLowerInvariant();
        if (tier.Length is 0 or > 40) throw new RefusedException(RefusalKind.Invalid, "Give the new tier, e.g. `/contract amend CON-1 tier:enterprise`.", id);
        await using var unit = await store.BeginAsync();
        var contract = await LoadAsync(unit, id);
        var data = contract.Data;
        var changes = contract.Amend(actor, new ContractTerms(data.Reference, data.Customer, tier, data.Start, data.End, data.NoticeDays, data.Penalty, data.Owner, data.Services, data.Promises));
        if (changes.Count == 0) throw new RefusedException(RefusalKind.Invalid, $"{contract.Id} is already on tier {tier}.", contract.Id);
        await AuditAsync(unit, actor, contract, changes);
        var version = await unit.SaveAsync(Contract.Kind, contract);
        await unit.CommitAsync();
        return (new Contract(contract.Data, version, settings, unit.Now), changes);
    }

    public Task<Contract> GetAsync(string id) => store.ReadAsync(async scope =>
    {
        var stored = await scope.Aggregates.FindAsync<ContractData>(Contract.Kind, id.Trim().ToUpperInvariant()) ?? throw NotFound(id);
        return new Contract(stored.Body, stored.Version, settings, scope.Now);
    });

    public Task<IReadOnlyList<ContractData>> ListAsync() => store.ReadAsync<IReadOnlyList<ContractData>>(async scope =>
        (await scope.Aggregates.ListAsync<ContractData>(Contract.Kind)).Select(s => s.Body).OrderBy(c => c.Number).ToList());

    /// <summary>Contracts in force that depend on a service and promise to be told of its incidents.</summary>
    public async Task<IReadOnlyList<NoticeObligation>> ForServiceAsync(UnitOfWork unit, string service) =>
        (await unit.Aggregates.ListAsync<ContractData>(Contract.Kind, [nameof(ContractState.Active)])).Select(s => s.Body)
            .Where(c => c.Services.Contains(service.Trim().ToLowerInvariant()) && c.NotificationHours is not null)
            .OrderBy(c => c.Number)
            .Select(c => new NoticeObligation(c.Id, c.Customer, c.NotificationHours!.Value)).ToList();

    internal async Task<Contract> LoadAsync(UnitOfWork unit, string id)
    {
        var stored = await unit.Aggregates.FindAsync<ContractData>(Contract.Kind, id.Trim().ToUpperInvariant()) ?? throw NotFound(id);
        return new Contract(stored.Body, stored.Version, settings, unit.Now);
    }

    internal async Task SaveAsync(UnitOfWork unit, Contract contract) => await unit.SaveAsync(Contract.Kind, contract);

    /// <summary>Entitlement changes are audited in their own words, whoever made them (a person in chat, a pipeline by API).</summary>
    private static Task AuditAsync(UnitOfWork unit, Actor actor, Contract contract, IReadOnlyList<string> changes) =>
        unit.Audit.AppendAsync(actor.Id, "contract.amend", contract.Id, AuditRows.Allowed, string.Join("; ", changes));

    private static RefusedException NotFound(string id) => new(RefusalKind.NotFound, $"There is no contract called `{id}`; `/contract list` shows them.", id);
}
