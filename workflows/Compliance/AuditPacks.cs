using System.Text.RegularExpressions;
using ExecOps.Workflows.People;
using ExecOps.Workflows.Reports;
using ExecOps.Workflows.Storage;

namespace ExecOps.Workflows.Compliance;

/// <summary>
/// Drafts audit packs for auditors, admins and execs: all controls, or those answering one framework (`SOC 2`,
/// `ISO 27001 A.8.32`). Each draft of a scope is a new version behind a signed link; none overwrites another.
/// </summary>
public sealed partial class AuditPacks(Store store, ComplianceService compliance, PeopleDirectory people)
{
    public Task<ReportData> DraftAsync(Actor actor, string? framework)
    {
        if (!actor.Has(Roles.Auditor) && !actor.Has(Roles.Admin) && !actor.Has(Roles.Exec))
            throw new RefusedException(RefusalKind.Forbidden, $"Audit packs are for auditors, admins and execs; you ({actor.Name}) are none of these.");
        var scope = framework?.Trim() is { Length: > 0 } named ? named : null;
        if (scope is not null && !compliance.Catalog.Controls.Any(c => c.Answers(scope)))
            throw new RefusedException(RefusalKind.NotFound, $"No control answers \"{scope}\". The catalog's frameworks are {string.Join(", ", Frameworks())}; name one, or a clause such as SOC 2 CC8.1.");
        return store.WriteAsync(async unit =>
        {
            var controls = (await compliance.StandingsAsync(unit)).Where(c => scope is null || c.Definition.Answers(scope)).ToList();
            var ids = controls.Select(c => c.Definition.Id).ToHashSet();
            var facts = new AuditPackFacts(scope ?? "all frameworks", unit.Now, actor.Name, controls,
                (await unit.Evidence.ListAsync()).Where(i => ids.Contains(i.Control)).ToList(),
                (await unit.Aggregates.ListAsync<VendorData>(Vendor.Kind)).Select(v => v.Body).OrderBy(v => v.Number).ToList());
            var title = $"Audit pack: {facts.Scope}";
            return await ReportDrafts.SaveAsync(unit, $"audit-pack-{Slug(scope)}", title, actor, AuditPack.Files(facts, people.NameOf),
                $"{title} is ready: {controls.Count} control(s), {facts.Evidence.Count} evidence item(s).");
        });
    }

    /// <summary>The framework names the catalog's clauses start with: "SOC 2", "ISO 27001".</summary>
    private IEnumerable<string> Frameworks() => compliance.Catalog.Controls.SelectMany(c => c.Frameworks)
        .Select(f => f.Contains(' ') ? f[..f.LastIndexOf(' ')] : f).Distinct().Order();

    private static string Slug(string? scope) => scope is null ? "all" : NotSlug().Replace(scope.ToLowerInvariant(), "-").Trim('-');

    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex NotSlug();
}
