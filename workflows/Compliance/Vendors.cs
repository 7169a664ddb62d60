using ExecOps.Workflows.Kernel;
using ExecOps.Workflows.People;
using ExecOps.Workflows.Risks;
using ExecOps.Workflows.Storage;

namespace ExecOps.Workflows.Compliance;

/// <summary>
/// The vendor and subprocessor register: a vendor touching personal or sensitive data without a DPA is
/// raised as a risk in the register in the same transaction that adds it; reviews remind their owner.
/// </summary>
public sealed class Vendors(Store store, ComplianceSettings settings, RiskService risks, RiskSettings riskSettings, PeopleDirectory people)
{
    public async Task<Vendor> AddAsync(Actor actor, string name, string region, DataClass data, bool dpa, string? owner, DateOnly review, string? purpose)
    {
        if (!actor.IsKnown) throw new RefusedException(RefusalKind.Forbidden, "Only people in the directory may add vendors.");
        var ownerId = owner is null ? actor.Id : people.Require(owner).Id;
        await using var unit = await store.BeginAsync();
        var vendor = Vendor.Add(await unit.Counters.NextAsync(Vendor.Kind), name, region, data, dpa, ownerId, review, purpose, actor, unit.Now);
        await RaiseIfLacksDpaAsync(unit, vendor, actor);
        var saved = await SaveAsync(unit, vendor);
        await unit.CommitAsync();
        return saved;
    }

    public async Task<Vendor> ActAsync(Actor actor, string id, Action<Vendor> act)
    {
        await using var unit = await store.BeginAsync();
        var vendor = await LoadAsync(unit, id);
        act(vendor);
        await RaiseIfLacksDpaAsync(unit, vendor, actor);
        var saved = await SaveAsync(unit, vendor);
        await unit.CommitAsync();
        return saved;
    }

    public Task<Vendor> GetAsync(string id) => store.ReadAsync(async scope =>
    {
        var stored = await scope.Aggregates.FindAsync<VendorData>(Vendor.Kind, id.Trim().ToUpperInvariant()) ?? throw NotFound(id);
        return new Vendor(stored.Body, stored.Version, scope.Now);
    });

    /// <summary>The register in the order vendors were added, offboarded ones included (an auditor asks about those too).</summary>
    public Task<IReadOnlyList<VendorData>> ListAsync() => store.ReadAsync<IReadOnlyList<VendorData>>(async scope =>
        (await scope.Aggregates.ListAsync<VendorData>(Vendor.Kind)).Select(s => s.Body).OrderBy(v => v.Number).ToList());

    /// <summary>Personal or sensitive data without a DPA (on adding, or a DPA that lapsed at a review) is raised as a risk, once per vendor.</summary>
    private async Task RaiseIfLacksDpaAsync(UnitOfWork unit, Vendor vendor, Actor actor)
    {
        if (!vendor.Data.LacksDpa || vendor.Data.RaisedRisk is not null || vendor.Data.IsOffboarded) return;
        var data = Vendor.CatalogWords(vendor.Data.Data);
        var name = vendor.Data.Name.Length <= 150 ? vendor.Data.Name : vendor.Data.Name[..149] + "…";
        var sponsor = people.WithRole(Roles.Ciso).FirstOrDefault()?.Id ?? riskSettings.DefaultOwner;
        var risk = Risk.Add(await unit.Counters.NextAsync(Risk.Kind), $"{name} holds {data} data without a DPA", RiskCategory.Compliance,
            settings.VendorRiskProbability, settings.VendorRiskImpactUsd, $"{data} data held in {vendor.Data.Region} by {name} ({vendor.Id}) with no data processing agreement",
            vendor.Data.Owner, sponsor, null, actor, riskSettings, unit.Now);
        await risks.SaveAsync(unit, risk);
        vendor.Raised(risk.Id);
    }

    internal async Task<Vendor> LoadAsync(UnitOfWork unit, string id)
    {
        var stored = await unit.Aggregates.FindAsync<VendorData>(Vendor.Kind, id.Trim().ToUpperInvariant()) ?? throw NotFound(id);
        return new Vendor(stored.Body, stored.Version, unit.Now);
    }

    internal async Task<Vendor> SaveAsync(UnitOfWork unit, Vendor vendor)
    {
        var version = await unit.SaveAsync(Vendor.Kind, vendor);
        return new Vendor(vendor.Data, version, unit.Now);
    }

    private static RefusedException NotFound(string id) => new(RefusalKind.NotFound, $"There is no vendor called `{id}`; `/compliance vendor list` shows the register.", id);
}
